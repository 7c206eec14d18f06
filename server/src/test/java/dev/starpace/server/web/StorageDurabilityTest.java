package dev.starpace.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.starpace.server.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing heard is lost to the database (issue 19, item 3): another program holding its lock mid-answer or at the
 * stop only delays the writes, and a database file deleted under the running server is said, not silently lost.
 */
class StorageDurabilityTest {
    static final int FRAME = AnswerSocketTest.FRAME;
    static final String STOP = "{\"type\":\"stop\"}";

    @TempDir
    Path data;

    @Test
    void aTenSecondLockMidAnswerLosesNoAudioAndNoWord() throws Exception {
        byte[] pcm = Fixtures.pcm("seed-weak");
        int third = pcm.length / 3 / FRAME * FRAME;
        try (ServerFixture server = new ServerFixture(data);
             Connection other = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("starpace.db"));
             Statement s = other.createStatement()) {
            LiveClient client = LiveClient.connect(server.port());
            client.send(AnswerSocketTest.START);
            String id = client.await("ready").get("attemptId").asText();
            send(client, pcm, 0, third);
            client.awaitWords(5);
            s.execute("BEGIN EXCLUSIVE");
            long locked = System.nanoTime();
            send(client, pcm, third, 2 * third);
            Thread.sleep(Math.max(0, 10_000 - (System.nanoTime() - locked) / 1_000_000));
            s.execute("ROLLBACK");
            send(client, pcm, 2 * third, pcm.length);
            client.send(STOP);
            assertEquals(1000, client.awaitClose(), client.types().toString());
            assertTrue(!client.types().contains("error"), "no storage error: " + client.events);

            JsonNode attempt = server.get("/api/attempts/" + id).json();
            assertEquals("complete", attempt.get("status").asText());
            byte[] wav = server.get("/api/attempts/" + id + "/audio").body();
            assertEquals(pcm.length, wav.length - 44, "every byte of audio is stored");
            assertEquals(client.last("scored").get("transcript").get("words").size(),
                attempt.get("transcript").get("words").size());
        }
    }

    @Test
    void aLockOnlyAtTheStopDelaysTheEndAndKeepsTheAnswer() throws Exception {
        byte[] pcm = Fixtures.pcm("seed-weak");
        try (ServerFixture server = new ServerFixture(data);
             Connection other = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("starpace.db"));
             Statement s = other.createStatement()) {
            LiveClient client = LiveClient.connect(server.port());
            client.send(AnswerSocketTest.START);
            String id = client.await("ready").get("attemptId").asText();
            send(client, pcm, 0, pcm.length);
            s.execute("BEGIN EXCLUSIVE");
            client.send(STOP);
            Thread.sleep(6_000);
            s.execute("ROLLBACK");
            assertEquals(1000, client.awaitClose(), client.types().toString());
            assertEquals(id, client.last("scored").get("attemptId").asText(), "kept: " + client.events);
            JsonNode attempt = server.get("/api/attempts/" + id).json();
            assertEquals("complete", attempt.get("status").asText());
            assertTrue(attempt.get("transcript").get("words").size() > 40);
        }
    }

    @Test
    void aDatabaseDeletedUnderTheServerIsReportedNotSilentlyLost() throws Exception {
        byte[] pcm = Fixtures.pcm("seed-weak");
        try (ServerFixture server = new ServerFixture(data)) {
            assertTrue(server.get("/api/health").json().path("storage").isMissingNode());
            Files.delete(data.resolve("starpace.db"));
            JsonNode health = server.get("/api/health").json();
            assertTrue(health.path("storage").asText().contains("was deleted while StarPace ran"), health.toString());

            LiveClient client = LiveClient.connect(server.port());
            client.send(AnswerSocketTest.START);
            JsonNode refused = client.await("error");
            assertEquals("storage", refused.get("code").asText());
            assertTrue(refused.get("message").asText().contains("restart StarPace"), refused.toString());
            assertEquals(1011, client.awaitClose());
        }
    }

    private static void send(LiveClient client, byte[] pcm, int from, int to) {
        for (int at = from; at < to; at += FRAME) {
            client.send(pcm, at, Math.min(to, at + FRAME));
        }
    }
}
