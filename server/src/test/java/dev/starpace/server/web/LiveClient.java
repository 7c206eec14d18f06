package dev.starpace.server.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A real WebSocket client of the live protocol that records every event and how the socket closed. */
final class LiveClient implements WebSocket.Listener {
    private static final ObjectMapper JSON = new ObjectMapper();

    final List<JsonNode> events = new CopyOnWriteArrayList<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    volatile String closeReason;
    final WebSocket socket;
    private final StringBuilder text = new StringBuilder();

    private LiveClient(int port, String origin) {
        this(URI.create("ws://127.0.0.1:" + port + "/ws/answer"), origin == null ? java.util.Map.of() : java.util.Map.of("Origin", origin));
    }

    private LiveClient(URI uri, java.util.Map<String, String> headers) {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
        headers.forEach(builder::header);
        socket = builder.buildAsync(uri, this).join();
    }

    /** A socket at {@code uri} sending these headers (a signed-in person's cookie). */
    static LiveClient connect(URI uri, java.util.Map<String, String> headers) {
        return new LiveClient(uri, headers);
    }

    static LiveClient connect(int port) {
        return new LiveClient(port, null);
    }

    static LiveClient connect(int port, String origin) {
        return new LiveClient(port, origin);
    }

    void send(String message) {
        socket.sendText(message, true).join();
    }

    void send(byte[] pcm, int from, int to) {
        socket.sendBinary(ByteBuffer.wrap(pcm, from, to - from), true).join();
    }

    /** The words the server has finalised so far, summed over its words events. */
    int wordsHeard() {
        return events.stream().filter(e -> e.path("type").asText().equals("words")).mapToInt(e -> e.get("words").size()).sum();
    }

    /** Waits (up to a minute) until the server has finalised at least {@code n} words. */
    void awaitWords(int n) throws InterruptedException {
        for (int i = 0; i < 1200 && wordsHeard() < n; i++) {
            Thread.sleep(50);
        }
        if (wordsHeard() < n) {
            throw new AssertionError("only " + wordsHeard() + " words heard: " + types());
        }
    }

    /** Waits (up to a minute) for an event of this type and returns the last one. */
    JsonNode await(String type) throws InterruptedException {
        for (int i = 0; i < 1200 && !types().contains(type); i++) {
            Thread.sleep(50);
        }
        return last(type);
    }

    /** Waits for the server to close the socket and returns the close code. */
    int awaitClose() throws Exception {
        return closed.get(120, TimeUnit.SECONDS);
    }

    List<String> types() {
        return events.stream().map(e -> e.path("type").asText()).toList();
    }

    JsonNode last(String type) {
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).path("type").asText().equals(type)) {
                return events.get(i);
            }
        }
        throw new AssertionError("no " + type + " event in " + types());
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        text.append(data);
        if (last) {
            try {
                events.add(JSON.readTree(text.toString()));
            } catch (Exception e) {
                throw new IllegalStateException("not JSON: " + text, e);
            }
            text.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeReason = reason;
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }
}
