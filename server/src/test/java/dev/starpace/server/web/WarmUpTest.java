package dev.starpace.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fresh `serve` loads the segmenter and its sentence encoder by itself as it starts, so the first candidate's answer
 * does not wait for them (about 1.5 s, on the socket's thread: docs/deployment.md) — /api/health says when.
 */
class WarmUpTest {
    @TempDir
    Path dir;

    @Test
    void aFreshServerLoadsItsAnalysisBeforeAnyAnswer() throws Exception {
        try (ServeProcess serve = ServeProcess.start(dir.resolve("data"))) {
            HttpClient http = HttpClient.newHttpClient();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            JsonNode health = get(http, serve.port, "/api/health");
            while (!health.get("analysisReady").asBoolean() && System.nanoTime() < deadline) {
                Thread.sleep(100);
                health = get(http, serve.port, "/api/health");
            }
            assertTrue(health.get("analysisReady").asBoolean(), "the server never loaded its analysis: " + health);
            assertEquals(0, get(http, serve.port, "/api/attempts").size(), "no answer was needed to load it");
        }
    }

    private static JsonNode get(HttpClient http, int port, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return new ObjectMapper().readTree(r.body());
    }
}
