package dev.starpace.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.starpace.server.Fixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server hears only as many live answers at once as it can follow: one more is told, in one line, that the server
 * is busy and when to try again, and nothing of it is stored; /api/health shows the answers open, how far each
 * trails real time, and the memory.
 */
class AdmissionTest {
    static final int FRAME = AnswerSocketTest.FRAME;

    @TempDir
    Path data;

    @Test
    void aStartBeyondTheLimitIsToldTheServerIsBusyAndWhenToTryAgain() throws Exception {
        byte[] pcm = Fixtures.pcm("seed-weak");
        try (ServerFixture server = new ServerFixture(data, 2)) {
            LiveClient a = started(server, pcm);
            LiveClient b = started(server, pcm);
            assertEquals(2, server.get("/api/health").json().get("streamsOpen").asInt());

            LiveClient refused = LiveClient.connect(server.port());
            refused.send(AnswerSocketTest.START);
            assertEquals(1013, refused.awaitClose(), "closed as 'try again later'");
            JsonNode busy = refused.last("error");
            assertEquals("busy", busy.get("code").asText());
            assertEquals(LiveLoad.RETRY_AFTER_SECONDS, busy.get("retryAfterSeconds").asInt());
            String line = busy.get("message").asText();
            assertTrue(line.contains("try again in 30 s") && !line.contains("\n") && !line.contains("Exception"), line);
            assertFalse(refused.types().contains("ready"));
            assertEquals(2, server.get("/api/attempts").json().size(), "a refused start stores nothing");

            a.send("{\"type\":\"stop\"}");
            assertEquals(1000, a.awaitClose());
            LiveClient next = started(server, pcm);
            assertTrue(next.types().contains("ready"), "a place freed by an answer that ended is taken again");
            next.send("{\"type\":\"stop\"}");
            b.send("{\"type\":\"stop\"}");
            assertEquals(1000, next.awaitClose());
            assertEquals(1000, b.awaitClose());
            assertEquals(0, server.get("/api/health").json().get("streamsOpen").asInt());
        }
    }

    @Test
    void anAnswerFallingBehindRealTimeShowsInHealth() throws Exception {
        byte[] pcm = Fixtures.pcm("seed-weak");
        try (ServerFixture server = new ServerFixture(data, 2)) {
            JsonNode idle = server.get("/api/health").json();
            assertEquals(0, idle.get("streamsOpen").asInt());
            assertEquals(2, idle.get("maxStreams").asInt());
            assertTrue(idle.get("memory").get("residentMb").asLong() > 100, idle.toString());
            LiveClient slow = LiveClient.connect(server.port());
            slow.send(AnswerSocketTest.START);
            slow.await("ready");
            // 0.7 s of audio over 7 s: as a server that hears a tenth of real time would fall behind
            for (int i = 0; i < 8; i++) {
                slow.send(pcm, i * FRAME, (i + 1) * FRAME);
                Thread.sleep(1000);
            }
            JsonNode health = server.get("/api/health").json();
            assertEquals(1, health.get("streamsBehind").asInt(), health.toString());
            assertTrue(health.get("maxSecondsBehind").asDouble() > LiveLoad.BEHIND_SECONDS, health.toString());
            slow.send("{\"type\":\"stop\"}");
            slow.awaitClose();
        }
    }

    private static LiveClient started(ServerFixture server, byte[] pcm) throws Exception {
        LiveClient c = LiveClient.connect(server.port());
        c.send(AnswerSocketTest.START);
        c.await("ready");
        for (int at = 0; at < 10 * FRAME; at += FRAME) {
            c.send(pcm, at, at + FRAME);
        }
        return c;
    }
}
