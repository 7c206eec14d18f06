package dev.starpace.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.starpace.server.Fixtures;
import dev.starpace.server.store.Attempt;
import dev.starpace.server.store.PostgresAttemptStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real {@code serve --team} processes behind Debian's nginx share one PostgreSQL, signing in through a real OpenID
 * Connect provider: a session made through one is honoured by both; a live answer goes through nginx to one of them,
 * which is killed with SIGKILL mid-answer; the other goes on answering through nginx, recovers every word the killed one
 * had stored, and takes the candidate's next answer.
 */
class TeamNginxTest {
    static final int FRAME = AnswerSocketTest.FRAME;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void twoInstancesBehindNginxShareTheDatabaseAndAKilledOneLosesNothing() throws Exception {
        try (NginxTeam team = new NginxTeam(dir, "")) {
            ServeProcess a = team.a;
            ServeProcess b = team.b;
            PostgresAttemptStore.Database db = team.db;
            int port = team.port();
            TeamFixture.Member ana = team.signIn("ana-sub", "ana@example.edu", "Ana Lopez");
            String cookie = ana.cookieHeader();
            for (ServeProcess instance : List.of(a, b)) {
                assertEquals("ana-sub", direct(instance, "/api/me", cookie).get("id").asText(), "either instance knows her session");
            }
            String instanceA = direct(a, "/api/health", null).get("instance").asText();
            String instanceB = direct(b, "/api/health", null).get("instance").asText();
            assertNotEquals(instanceA, instanceB);

            // an answer through nginx, on whichever instance nginx chose
            LiveClient live = LiveClient.connect(URI.create("ws://localhost:" + port + "/ws/answer"), Map.of("Cookie", cookie));
            byte[] weak = Fixtures.pcm("seed-weak");
            live.send(AnswerSocketTest.START);
            int part = weak.length * 6 / 10 / FRAME * FRAME;
            for (int at = 0; at < part; at += FRAME) {
                live.send(weak, at, at + FRAME);
            }
            live.awaitWords(10);
            String id = live.await("ready").get("attemptId").asText();
            Thread.sleep(500); // the words of the last words event are written right after it is sent
            List<String> heard = new ArrayList<>();
            live.events.stream().filter(e -> e.path("type").asText().equals("words")).forEach(e -> {
                heard.subList(e.get("firstChanged").asInt(), heard.size()).clear();
                e.get("words").forEach(w -> heard.add(w.get("word").asText()));
            });
            String holder = ana.get("/api/attempts/" + id).json() == null ? null : recordedBy(db, id);
            ServeProcess killed = holder.equals(instanceA) ? a : b;
            ServeProcess survivor = killed == a ? b : a;
            killed.kill();
            assertEquals(137, killed.process.exitValue(), "killed by SIGKILL mid-answer");

            // the other instance goes on answering through nginx, and recovers the cut-off answer by itself
            assertEquals(200, ana.get("/api/attempts").status(), "nginx sends the next request to the instance still running");
            JsonNode recovered = null;
            for (int i = 0; i < 100; i++) {
                recovered = ana.get("/api/attempts/" + id).json();
                if (Attempt.INCOMPLETE.equals(recovered.path("status").asText())) {
                    break;
                }
                Thread.sleep(200);
            }
            assertEquals(Attempt.INCOMPLETE, recovered.get("status").asText(), "recovered by the survivor's sweep: " + recovered);
            JsonNode words = recovered.get("transcript").get("words");
            assertTrue(words.size() >= heard.size() && heard.size() >= 10, words.size() + " stored, " + heard.size() + " heard");
            for (int i = 0; i < heard.size(); i++) {
                assertEquals(heard.get(i), words.get(i).get("word").asText(), "word " + i);
            }

            // the candidate's next answer lands on the survivor
            LiveClient again = LiveClient.connect(URI.create("ws://localhost:" + port + "/ws/answer"), Map.of("Cookie", cookie));
            again.send(AnswerSocketTest.START);
            for (int at = 0; at < weak.length / 4 / FRAME * FRAME; at += FRAME) {
                again.send(weak, at, at + FRAME);
            }
            String next = again.await("ready").get("attemptId").asText();
            again.send("{\"type\":\"stop\"}");
            again.await("scored");
            assertEquals(direct(survivor, "/api/health", null).get("instance").asText(), recordedBy(db, next));
            assertEquals(2, ana.get("/api/attempts").json().size());
        }
    }

    /** A request straight to one instance, past nginx. */
    private static JsonNode direct(ServeProcess instance, String path, String cookie) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + instance.port + path));
        if (cookie != null) {
            r.header("Cookie", cookie);
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(r.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private static String recordedBy(PostgresAttemptStore.Database db, String id) throws Exception {
        try (var c = java.sql.DriverManager.getConnection(db.url(), db.user(), null);
             var st = c.prepareStatement("SELECT instance FROM attempts WHERE id = ?")) {
            st.setString(1, id);
            try (var rs = st.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
