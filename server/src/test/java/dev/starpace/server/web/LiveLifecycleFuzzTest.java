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
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hundreds of random lifecycles of the live socket against a real {@code serve} process, several at once: start,
 * audio, stop, a clean close, a TCP drop with no close frame, silence past the idle timeout, a second start on the same
 * socket, in random order and at random moments (issue 19, item 1). Whatever a client does, the process stays up and
 * every attempt it kept ends consistent: finished or incomplete, never left recording, its transcript readable.
 * Before the live answer had one owner, a stop followed by a TCP drop freed the recognizer twice and killed the JVM.
 */
class LiveLifecycleFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int CLIENTS = 4;
    static final int LIFECYCLES = Integer.getInteger("starpace.fuzz.lifecycles", 240);
    static final String STOP = "{\"type\":\"stop\"}";

    @TempDir
    Path dir;

    /** One step a client may take. */
    enum Step { START, AUDIO, STOP, CLOSE, DROP, IDLE, START_AGAIN, TEXT }

    @Test
    void noInterleavingOfStartAudioStopCloseOrDropTakesTheServerDownOrLeavesAnAttemptInconsistent() throws Exception {
        byte[] pcm = Fixtures.pcm("seed-weak");
        Path data = dir.resolve("data");
        try (ServeProcess serve = ServeProcess.start(data, "-D" + StarPaceServer.SOCKET_IDLE_PROPERTY + "=1")) {
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> runs = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                long seed = 19_000L + c;
                runs.add(pool.submit(() -> {
                    Random random = new Random(seed);
                    for (int i = 0; i < LIFECYCLES / CLIENTS && serve.process.isAlive(); i++) {
                        try {
                            lifecycle(serve.port, pcm, random);
                        } catch (java.util.concurrent.CompletionException e) {
                            // refused: the server is dying (it says why below) or it is a bug of its own
                            if (!serve.process.waitFor(5, TimeUnit.SECONDS)) {
                                throw e;
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get(30, TimeUnit.MINUTES);
            }
            pool.shutdown();
            assertTrue(serve.process.isAlive(), "the server died: " + tail(serve.err));

            // every socket is gone: no attempt may still be recording, and each is readable whole
            JsonNode attempts = awaitSettled(serve.port);
            assertTrue(attempts.size() > 0, "no attempt was kept at all");
            for (JsonNode a : attempts) {
                String status = a.get("status").asText();
                assertTrue(status.equals("complete") || status.equals("incomplete"), a.toString());
                HttpResponse<String> one = get(serve.port, "/api/attempts/" + a.get("id").asText());
                assertEquals(200, one.statusCode(), one.body());
                JsonNode attempt = JSON.readTree(one.body());
                if (status.equals("complete")) {
                    assertTrue(attempt.path("transcript").path("words").size() > 0, "a finished attempt has its words: " + a);
                }
            }
            assertEquals(200, get(serve.port, "/api/health").statusCode());
        }
    }

    @Test
    void aStopFollowedByATcpDropLeavesTheServerUpAndTheAnswerKept() throws Exception {
        byte[] pcm = Fixtures.pcm("seed-weak");
        try (ServeProcess serve = ServeProcess.start(dir.resolve("data"))) {
            for (int i = 0; i < 3 && serve.process.isAlive(); i++) {
                stopThenDrop(serve.port, pcm, i * 15);
            }
            assertTrue(serve.process.isAlive(), "the server died: " + tail(serve.err));
            JsonNode attempts = awaitSettled(serve.port);
            assertEquals(3, attempts.size(), attempts.toString());
            for (JsonNode a : attempts) {
                assertTrue(a.get("status").asText().matches("complete|incomplete"), a.toString());
            }
        }
    }

    /** Eight seconds of speech at real time, then stop, then the TCP connection dropped after {@code delayMillis}. */
    private static void stopThenDrop(int port, byte[] pcm, int delayMillis) throws Exception {
        try {
            {
                LiveClient client = LiveClient.connect(port);
                client.send(AnswerSocketTest.START);
                client.await("ready");
                // eight seconds of speech at real time, as when a candidate reloads the page mid-answer
                for (int at = 0; at + AnswerSocketTest.FRAME <= 80 * AnswerSocketTest.FRAME; at += AnswerSocketTest.FRAME) {
                    client.send(pcm, at, at + AnswerSocketTest.FRAME);
                    Thread.sleep(100);
                }
                client.send(STOP);
                Thread.sleep(delayMillis); // the drop lands while the server finishes the answer
                client.socket.abort();
            }
        } catch (java.util.concurrent.CompletionException e) {
            // the server went away under the client: the caller says how
        }
    }

    /** One client's life on one socket: a random walk through the protocol. */
    private static void lifecycle(int port, byte[] pcm, Random random) throws Exception {
        LiveClient client = LiveClient.connect(port);
        int at = 0;
        int steps = 1 + random.nextInt(8);
        try {
            for (int s = 0; s < steps && !client.closed.isDone(); s++) {
                Step step = s == 0 && random.nextInt(5) > 0 ? Step.START : Step.values()[random.nextInt(Step.values().length)];
                switch (step) {
                    case START, START_AGAIN -> {
                        client.send(AnswerSocketTest.START);
                        if (random.nextBoolean()) {
                            client.await("ready");
                        }
                    }
                    case AUDIO -> {
                        // as fast as the socket takes it, or paced so the server keeps up and finalises phrases
                        int frames = 1 + random.nextInt(80);
                        int pace = random.nextBoolean() ? 0 : 10;
                        for (int f = 0; f < frames && at + AnswerSocketTest.FRAME <= pcm.length && !client.closed.isDone(); f++) {
                            client.send(pcm, at, at + AnswerSocketTest.FRAME);
                            at += AnswerSocketTest.FRAME;
                            Thread.sleep(pace);
                        }
                    }
                    case STOP -> {
                        client.send(STOP);
                        // then, at once or a moment later, often the drop that once freed the recognizer twice
                        Thread.sleep(random.nextInt(60));
                        if (random.nextBoolean()) {
                            client.socket.abort();
                        }
                    }
                    case CLOSE -> client.socket.sendClose(1000, "bye").get(10, TimeUnit.SECONDS);
                    case DROP -> client.socket.abort();
                    case IDLE -> Thread.sleep(1100 + random.nextInt(400));
                    case TEXT -> client.send("{\"type\":\"nonsense\"}");
                }
            }
        } catch (Exception | AssertionError e) {
            // the server closed the socket meanwhile (or refused the start and sent no ready) (a refused start, the idle timeout): the walk ends here
        } finally {
            if (random.nextBoolean()) {
                client.socket.abort();
            } else if (!client.socket.isOutputClosed()) {
                try {
                    client.socket.sendClose(1000, "bye").get(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    client.socket.abort();
                }
            }
        }
    }

    /** The attempts once none is recording (sockets close asynchronously), or as they are after a minute. */
    private static JsonNode awaitSettled(int port) throws Exception {
        JsonNode attempts = null;
        for (int i = 0; i < 120; i++) {
            attempts = JSON.readTree(get(port, "/api/attempts").body());
            boolean recording = false;
            for (JsonNode a : attempts) {
                recording |= a.get("status").asText().equals("recording");
            }
            if (!recording) {
                return attempts;
            }
            Thread.sleep(500);
        }
        return attempts;
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
            HttpResponse.BodyHandlers.ofString());
    }

    private static String tail(List<String> lines) {
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }
}
