package dev.starpace.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.starpace.server.Fixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * A candidate reloads the page fifteen seconds into an answer (issue 19, item 1): the page stops the answer as it
 * unloads and the browser drops the socket mid-stop. The server — a real serve process, so that a native crash shows
 * as its death rather than this test's — stays up, keeps the cut-off answer with its words, and hears the next one.
 */
class ReloadBrowserTest {
    @TempDir
    Path dir;

    @Test
    void reloadingThePageMidAnswerKeepsTheServerUpAndTheAnswerStored() throws Exception {
        try (ServeProcess serve = ServeProcess.start(dir.resolve("data"));
             Browser browser = new Browser(dir.resolve("chromium"), Fixtures.wav("seed-strong"), Browser.DESKTOP)) {
            String page = "http://127.0.0.1:" + serve.port + "/#/q/customer-obsession-above-and-beyond/practice?level=sde2";
            for (int take = 1; take <= 2; take++) {
                browser.open(page);
                browser.waitFor("#start-answer");
                browser.find("#start-answer").click();
                // about fifteen seconds in: the transcript holds the answer's first sentences
                browser.waiting(60).until(d -> d.findElements(By.cssSelector("#live-transcript .w")).size() >= 35);
                browser.driver.navigate().refresh();
                browser.waitFor("#start-answer");
                assertTrue(serve.process.isAlive(), "the server died on reload " + take + ": " + serve.err);
            }
            JsonNode attempts = settled(serve.port);
            assertEquals(2, attempts.size(), attempts.toString());
            for (JsonNode a : attempts) {
                assertTrue(a.get("status").asText().matches("complete|incomplete"), a.toString());
                JsonNode attempt = get(serve.port, "/api/attempts/" + a.get("id").asText());
                assertTrue(attempt.path("transcript").path("words").size() >= 30, "the words heard are kept: " + attempt);
            }
        }
    }

    /** The attempts once neither is still recording (the server ends a dropped answer as it notices the drop). */
    private static JsonNode settled(int port) throws Exception {
        JsonNode attempts = get(port, "/api/attempts");
        for (int i = 0; i < 60 && attempts.toString().contains("\"recording\""); i++) {
            Thread.sleep(500);
            attempts = get(port, "/api/attempts");
        }
        return attempts;
    }

    private static JsonNode get(int port, String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(r.body());
    }
}
