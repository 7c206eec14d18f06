package dev.starpace.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starpace.server.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * 32 answers at once on a server that has just served 16, CI-sized (a few seconds of speech each): every one is
 * heard to its stop and scored; none is timed out while its client is sending.
 */
class LoadTest extends ServerTest {
    static final int FRAME = AnswerSocketTest.FRAME;

    @Test
    void thirtyTwoConcurrentAnswersAreAllScored() throws Exception {
        // what is tested here is that none is timed out, not the machine's capacity: all 32 are admitted
        server.close();
        server = new ServerFixture(data, 32);
        byte[] pcm = Fixtures.pcm("seed-weak");
        assertEquals(16, run(16, pcm, 2 * 32_000).stream().filter(r -> r == 1000).count());
        List<Integer> closes = run(32, pcm, 2 * 32_000);
        assertEquals(32, closes.stream().filter(r -> r == 1000).count(), "every close: " + closes);
        assertEquals(48, server.get("/api/attempts").json().size());
        server.get("/api/attempts").json().forEach(a -> assertEquals("complete", a.get("status").asText(), a.toString()));
    }

    private List<Integer> run(int sessions, byte[] pcm, int length) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(sessions);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int i = 0; i < sessions; i++) {
                done.add(pool.submit(() -> {
                    LiveClient client = LiveClient.connect(server.port());
                    client.send(AnswerSocketTest.START);
                    for (int at = 0; at < length; at += FRAME) {
                        client.send(pcm, at, at + FRAME);
                    }
                    client.send("{\"type\":\"stop\"}");
                    int code = client.awaitClose();
                    assertTrue(client.types().contains("scored"), client.types().toString());
                    return code;
                }));
            }
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> f : done) {
                codes.add(f.get());
            }
            return codes;
        } finally {
            pool.shutdownNow();
        }
    }
}
