package dev.starpace.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.starpace.server.Fixtures;
import dev.starpace.server.store.Attempt;
import dev.starpace.server.store.AttemptStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults against a real {@code serve} process: killed with SIGKILL mid-answer and started again on the same data
 * folder, and a data folder on a disk that fills up while an answer streams.
 */
class FaultTest {
    static final int FRAME = AnswerSocketTest.FRAME;
    static final String START = AnswerSocketTest.START;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void aKilledServerRecoversEveryWordHeardAtItsNextStart() throws Exception {
        Path data = dir.resolve("data");
        byte[] weak = Fixtures.pcm("seed-weak");
        byte[] strong = Fixtures.pcm("seed-strong");
        List<String> heard = new ArrayList<>();
        String spokenId;
        String audioOnlyId;
        try (ServeProcess serve = ServeProcess.start(data)) {
            // 1: most of an answer, words finalised
            LiveClient spoken = LiveClient.connect(serve.port);
            spoken.send(START);
            int part = weak.length * 6 / 10 / FRAME * FRAME;
            for (int at = 0; at < part; at += FRAME) {
                spoken.send(weak, at, at + FRAME);
            }
            spoken.awaitWords(10);
            spokenId = spoken.await("ready").get("attemptId").asText();
            // 2: a second and a half of audio, no phrase finalised yet
            LiveClient early = LiveClient.connect(serve.port);
            early.send(START);
            for (int at = 0; at < 48_000; at += FRAME) {
                early.send(strong, at, at + FRAME);
            }
            audioOnlyId = early.await("ready").get("attemptId").asText();
            // 3: a start and nothing after it
            LiveClient empty = LiveClient.connect(serve.port);
            empty.send(START);
            for (int i = 0; i < 100 && empty.events.isEmpty(); i++) {
                Thread.sleep(50);
            }
            for (int i = 0; i < 100 && get(serve.port, "/api/attempts/" + audioOnlyId + "/audio").body().length <= 44; i++) {
                Thread.sleep(50);
            }
            Thread.sleep(500); // the words of the last words event are written right after it is sent
            // each words event resends from the first word whose phase changed: rebuild the transcript as a client does
            spoken.events.stream().filter(e -> e.path("type").asText().equals("words")).forEach(e -> {
                heard.subList(e.get("firstChanged").asInt(), heard.size()).clear();
                e.get("words").forEach(w -> heard.add(w.get("word").asText()));
            });
            assertEquals(3, get(serve.port, "/api/attempts").json().size());
            serve.kill();
            assertEquals(137, serve.process.exitValue(), "killed by SIGKILL");
        }

        try (ServeProcess again = ServeProcess.start(data)) {
            assertTrue(again.out.stream().anyMatch(l -> l.startsWith("recovered 3 attempt(s)")), again.out.toString());
            JsonNode list = get(again.port, "/api/attempts").json();
            assertEquals(2, list.size(), "the empty attempt is gone: " + list);
            list.forEach(a -> assertEquals(Attempt.INCOMPLETE, a.get("status").asText(), a.toString()));

            JsonNode spoken = get(again.port, "/api/attempts/" + spokenId).json();
            JsonNode words = spoken.get("transcript").get("words");
            assertTrue(words.size() >= heard.size() && heard.size() >= 10, words.size() + " stored, " + heard.size() + " heard");
            for (int i = 0; i < heard.size(); i++) {
                assertEquals(heard.get(i), words.get(i).get("word").asText(), "word " + i);
            }
            int audio = get(again.port, "/api/attempts/" + spokenId + "/audio").body().length - 44;
            double lastEnd = words.get(words.size() - 1).get("end").asDouble();
            assertTrue(audio >= lastEnd * 32_000, "the audio under every stored word is stored: " + audio + " bytes");
            assertTrue(spoken.get("transcript").get("delivery").has("audio"), "delivery measured on the stored audio");

            JsonNode early = get(again.port, "/api/attempts/" + audioOnlyId).json();
            assertEquals(Attempt.INCOMPLETE, early.get("status").asText());
            assertTrue(get(again.port, "/api/attempts/" + audioOnlyId + "/audio").body().length - 44 >= 32_000);

            HttpResponse<byte[]> rescored = send(again.port, "POST", "/api/attempts/" + spokenId + "/rescore");
            assertEquals(200, rescored.statusCode());
        }
    }

    @Test
    void aFullDiskGivesAStorageErrorAndTheAnswerIsStillScored() throws Exception {
        Path disk = Files.createDirectories(dir.resolve("disk"));
        boolean mounted = mountSmallTmpfs(disk);
        // without a tmpfs, SQLite's own page limit makes the same full disk
        String[] options = mounted ? new String[0] : new String[] {"-D" + AttemptStore.MAX_PAGES_PROPERTY + "=250"};
        byte[] strong = Fixtures.pcm("seed-strong");
        try (ServeProcess serve = ServeProcess.start(disk.resolve("data"), options)) {
            LiveClient client = LiveClient.connect(serve.port);
            client.send(START);
            for (int at = 0; at < strong.length; at += FRAME) {
                client.send(strong, at, Math.min(strong.length, at + FRAME));
            }
            client.send("{\"type\":\"stop\"}");
            assertEquals(1000, client.awaitClose());

            JsonNode error = client.last("error");
            assertEquals("storage", error.get("code").asText(), error.toString());
            String message = error.get("message").asText();
            assertTrue(message.contains("disk is full") && !message.contains("SQLITE") && !message.contains("Exception"), message);
            assertEquals(1, client.types().stream().filter("error"::equals).count(), "said once: " + client.types());
            JsonNode scored = client.last("scored");
            assertTrue(scored.get("transcript").get("words").size() > 100, "the whole answer is scored");
            assertEquals("scored", client.types().get(client.types().size() - 1));

            JsonNode list = get(serve.port, "/api/attempts").json();
            assertEquals(1, list.size(), list.toString());
            assertEquals(Attempt.INCOMPLETE, list.get(0).get("status").asText(), "not left recording");
            assertEquals(200, get(serve.port, "/api/questions").status(), "the server still serves");

            // a written answer on the full disk: one line and 503, and nothing left behind
            HttpResponse<byte[]> written = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + serve.port + "/api/attempts/written"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(new ObjectMapper().writeValueAsString(java.util.Map.of(
                    "question", "customer-obsession-above-and-beyond", "text", CandidateDefectsTest.ONE_GAP.repeat(3))))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(503, written.statusCode(), new String(written.body()));
            String why = new ObjectMapper().readTree(written.body()).get("error").asText();
            assertTrue(why.contains("disk is full") && why.lines().count() == 1, why);
            assertNoInternals(why);
            assertEquals(1, get(serve.port, "/api/attempts").json().size(), "no written attempt half kept");
            assertTrue(serve.err.stream().noneMatch(l -> l.contains("SQLITE_") && l.startsWith("starpace")), serve.err.toString());
        } finally {
            if (mounted) {
                new ProcessBuilder("umount", disk.toString()).inheritIO().start().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    /** A 1 MB tmpfs, when this test may mount one (root in a container that allows it). */
    static boolean mountSmallTmpfs(Path at) {
        try {
            Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", at.toString())
                .redirectErrorStream(true).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    record Response(int status, JsonNode json, byte[] body) {
    }

    static Response get(int port, String path) throws Exception {
        HttpResponse<byte[]> r = send(port, "GET", path);
        String type = r.headers().firstValue("Content-Type").orElse("");
        return new Response(r.statusCode(), type.startsWith("application/json") ? new ObjectMapper().readTree(r.body()) : null, r.body());
    }

    static HttpResponse<byte[]> send(int port, String method, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static void assertNoInternals(String text) {
        assertFalse(text.contains("Exception") || text.contains("java.") || text.contains("SQLITE"), text);
    }
}
