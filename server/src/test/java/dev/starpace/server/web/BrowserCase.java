package dev.starpace.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.starpace.server.Fixtures;
import dev.starpace.server.audio.Audio;
import dev.starpace.server.audio.WavFile;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A browser test: a real server on its own data folder (seeded first, if asked) and a real headless Chromium,
 * whose pages must run within the server's Content-Security-Policy.
 */
abstract class BrowserCase {
    @TempDir
    Path data;

    StarPaceServer server;
    Browser browser;

    /** Seeds the data folder's store, then starts the server on it. */
    void serve(Consumer<Seeds> seeding) {
        try (Seeds seeds = new Seeds(data)) {
            seeding.accept(seeds);
        }
        server = StarPaceServer.start(new StarPaceServer.Settings("127.0.0.1", 0, data, Fixtures.BANK, Fixtures.model()));
    }

    /** A server that hears at most {@code maxStreams} live answers at once. */
    void serveHearing(int maxStreams) {
        server = StarPaceServer.start(new StarPaceServer.Settings("127.0.0.1", 0, data, Fixtures.BANK, Fixtures.model())
            .withMaxStreams(maxStreams));
    }

    void serve() {
        serve(s -> { });
    }

    String base() {
        return "http://127.0.0.1:" + server.port() + "/";
    }

    /** A GET on the API, as JSON. */
    JsonNode json(String path) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + path.replaceFirst("^/", ""))).build(),
                HttpResponse.BodyHandlers.ofString());
            return new ObjectMapper().readTree(r.body());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    Browser browser(Path microphone, int width) {
        browser = new Browser(data.resolve("chromium"), microphone, width);
        return browser;
    }

    Browser browser(int width) {
        return browser(Fixtures.wav("seed-strong"), width);
    }

    /** A WAV of silence, for a microphone that hears nothing. */
    Path silence(double seconds) throws IOException {
        Path file = data.resolve("silence.wav");
        WavFile.write(file, new Audio(new float[(int) (seconds * Audio.SPEECH_RATE)], Audio.SPEECH_RATE));
        return file;
    }

    /** Every browser test also checks that nothing the pages did was refused by the server's Content-Security-Policy. */
    @AfterEach
    void stopAll() {
        List<String> refused = List.of();
        try {
            if (browser != null) {
                refused = browser.policyViolations();
                browser.close();
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
        assertEquals(List.of(), refused, "refused by the Content-Security-Policy");
    }
}
