package dev.starpace.server.web;

import static dev.starpace.server.web.FaultTest.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.starpace.server.Fixtures;
import dev.starpace.server.store.Attempt;
import dev.starpace.server.store.PostgresAttemptStore;
import dev.starpace.server.store.PostgresCluster;
import dev.starpace.server.team.TeamConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Team mode on a real PostgreSQL server: a real {@code serve --team} process hears a live answer over the socket,
 * stores it in PostgreSQL as it is heard, is killed with SIGKILL mid-answer, and its next start recovers every word
 * heard from PostgreSQL.
 */
class TeamFaultTest {
    static final int FRAME = AnswerSocketTest.FRAME;

    @TempDir
    Path dir;

    @Test
    void aKilledTeamServerRecoversEveryWordHeardFromPostgres() throws Exception {
        PostgresAttemptStore.Database db = PostgresCluster.shared().newDatabase();
        Path config = Files.writeString(dir.resolve("team.properties"), "database.url = " + db.url() + "\n"
            + "database.user = " + db.user() + "\n" + "public-url = https://interviews.example.edu/\n");
        byte[] weak = Fixtures.pcm("seed-weak");
        List<String> heard = new ArrayList<>();
        String id;
        try (ServeProcess serve = ServeProcess.team(config)) {
            assertTrue(serve.err.stream().anyMatch(l -> l.contains("WITHOUT SIGN-IN")), "says it is open: " + serve.err);
            assertTrue(serve.out.stream().anyMatch(l -> l.contains("the team database " + db.url())), serve.out.toString());
            LiveClient spoken = LiveClient.connect(serve.port);
            spoken.send(AnswerSocketTest.START);
            int part = weak.length * 6 / 10 / FRAME * FRAME;
            for (int at = 0; at < part; at += FRAME) {
                spoken.send(weak, at, at + FRAME);
            }
            spoken.awaitWords(10);
            id = spoken.await("ready").get("attemptId").asText();
            Thread.sleep(500); // the words of the last words event are written right after it is sent
            spoken.events.stream().filter(e -> e.path("type").asText().equals("words")).forEach(e -> {
                heard.subList(e.get("firstChanged").asInt(), heard.size()).clear();
                e.get("words").forEach(w -> heard.add(w.get("word").asText()));
            });
            assertTrue(storedWords(db, id) >= heard.size(), "the words are in PostgreSQL while the answer goes on");
            serve.kill();
            assertEquals(137, serve.process.exitValue(), "killed by SIGKILL");
        }
        assertEquals(Attempt.RECORDING, status(db, id), "a crash leaves it recording");

        try (ServeProcess again = ServeProcess.team(config)) {
            assertTrue(again.out.stream().anyMatch(l -> l.startsWith("recovered 1 attempt(s)")), again.out.toString());
            JsonNode spoken = get(again.port, "/api/attempts/" + id).json();
            assertEquals(Attempt.INCOMPLETE, spoken.get("status").asText());
            assertEquals(TeamConfig.NO_SIGN_IN_OWNER, spoken.get("owner").asText(), "every attempt has an owner");
            JsonNode words = spoken.get("transcript").get("words");
            assertTrue(words.size() >= heard.size() && heard.size() >= 10, words.size() + " stored, " + heard.size() + " heard");
            for (int i = 0; i < heard.size(); i++) {
                assertEquals(heard.get(i), words.get(i).get("word").asText(), "word " + i);
            }
            int audio = get(again.port, "/api/attempts/" + id + "/audio").body().length - 44;
            assertTrue(audio >= words.get(words.size() - 1).get("end").asDouble() * 32_000, "the audio under every word: " + audio);
            assertEquals(1, get(again.port, "/api/attempts").json().size());
        }
    }

    /**
     * The database server stops mid-answer (as a crash of PostgreSQL would): the candidate is told once, in one line,
     * that the answer is not being kept, the answer is still heard and scored, and once PostgreSQL is back the same
     * server reads and writes it again, without a restart. The attempt's end could not be written, so it stays
     * {@code recording} until the next start recovers it from what was stored before the outage.
     */
    @Test
    void aDatabaseServerStoppedMidAnswerIsOneStorageLineAndTheAnswerIsStillScored() throws Exception {
        try (PostgresCluster own = PostgresCluster.start()) {
            PostgresAttemptStore.Database db = own.newDatabase();
            Path config = Files.writeString(dir.resolve("team.properties"), "database.url = " + db.url() + "\n"
                + "database.user = " + db.user() + "\n" + "public-url = https://interviews.example.edu/\n");
            byte[] strong = Fixtures.pcm("seed-strong");
            String id;
            try (ServeProcess serve = ServeProcess.team(config)) {
                LiveClient client = LiveClient.connect(serve.port);
                client.send(AnswerSocketTest.START);
                int part = strong.length * 3 / 10 / FRAME * FRAME;
                for (int at = 0; at < part; at += FRAME) {
                    client.send(strong, at, at + FRAME);
                }
                client.awaitWords(5);
                id = client.await("ready").get("attemptId").asText();
                own.stopServer();
                for (int at = part; at < strong.length; at += FRAME) {
                    client.send(strong, at, Math.min(strong.length, at + FRAME));
                }
                client.send("{\"type\":\"stop\"}");
                assertEquals(1000, client.awaitClose());
                JsonNode error = client.last("error");
                assertEquals("storage", error.get("code").asText(), error.toString());
                String message = error.get("message").asText();
                assertTrue(message.contains("the database server") && message.lines().count() == 1, message);
                FaultTest.assertNoInternals(message);
                assertEquals(1, client.types().stream().filter("error"::equals).count(), "said once: " + client.types());
                assertTrue(client.last("scored").get("transcript").get("words").size() > 100, "the whole answer is scored");

                own.startServer();
                JsonNode kept = get(serve.port, "/api/attempts/" + id).json();
                assertEquals(Attempt.RECORDING, kept.get("status").asText(),
                    "its end could not be written either: left to the next start's crash recovery");
                assertTrue(kept.get("owner") != null, kept.toString());
                assertEquals(204, FaultTest.send(serve.port, "DELETE", "/api/attempts/" + id).statusCode(),
                    "the same server uses the database again");
                assertEquals(0, get(serve.port, "/api/attempts").json().size());
            }
        }
    }

    private static int storedWords(PostgresAttemptStore.Database db, String id) throws Exception {
        return Integer.parseInt(query(db, "SELECT count(*) FROM attempt_words WHERE attempt_id = '" + id + "'"));
    }

    private static String status(PostgresAttemptStore.Database db, String id) throws Exception {
        return query(db, "SELECT status FROM attempts WHERE id = '" + id + "'");
    }

    private static String query(PostgresAttemptStore.Database db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
