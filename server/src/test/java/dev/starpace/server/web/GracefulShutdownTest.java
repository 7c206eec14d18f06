package dev.starpace.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starpace.server.Fixtures;
import dev.starpace.server.store.Attempt;
import dev.starpace.server.store.AttemptStore;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM mid-answer (a service manager stopping StarPace) is a graceful shutdown (issue 19, item 5): the browser gets
 * a close frame saying the server is going away (1001, not 1006), the answer so far is stored and scored as
 * incomplete, and the process exits 0.
 */
class GracefulShutdownTest {
    @TempDir
    Path data;

    @Test
    void sigtermMidAnswerClosesTheSocketStoresTheAnswerAndExitsZero() throws Exception {
        byte[] pcm = Fixtures.pcm("seed-weak");
        int half = pcm.length / 2 / AnswerSocketTest.FRAME * AnswerSocketTest.FRAME;
        ServeProcess serve = ServeProcess.start(data);
        try {
            LiveClient client = LiveClient.connect(serve.port);
            client.send(AnswerSocketTest.START);
            client.await("ready");
            for (int at = 0; at < half; at += AnswerSocketTest.FRAME) {
                client.send(pcm, at, at + AnswerSocketTest.FRAME);
            }
            client.awaitWords(10);
            serve.process.destroy(); // SIGTERM
            assertTrue(serve.process.waitFor(60, TimeUnit.SECONDS), "still running a minute after SIGTERM");
            assertEquals(0, serve.process.exitValue(), "exit code after SIGTERM: " + serve.err);
            assertEquals(1001, client.awaitClose(), client.closeReason);
            assertEquals("server-stopping", client.last("error").get("code").asText());
        } finally {
            serve.close();
        }
        try (AttemptStore store = AttemptStore.open(data)) {
            List<Attempt> attempts = store.list(null);
            assertEquals(1, attempts.size());
            Attempt attempt = store.get(attempts.get(0).id()).orElseThrow();
            assertEquals(Attempt.INCOMPLETE, attempt.status(), "ended by the shutdown, not left for crash recovery");
            assertTrue(attempt.transcript().words().size() >= 10, "the words heard are kept and scored");
        }
    }
}
