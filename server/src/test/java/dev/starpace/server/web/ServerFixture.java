package dev.starpace.server.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.starpace.server.Fixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

/** A real server on a free local port, with its own data folder, and plain HTTP calls to it. */
final class ServerFixture implements AutoCloseable {
    final StarPaceServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    ServerFixture(Path data) {
        this(StarPaceServer.start(new StarPaceServer.Settings("127.0.0.1", 0, data, Fixtures.BANK, Fixtures.model())));
    }

    /** A server that hears at most {@code maxStreams} live answers at once. */
    ServerFixture(Path data, int maxStreams) {
        this(StarPaceServer.start(new StarPaceServer.Settings("127.0.0.1", 0, data, Fixtures.BANK, Fixtures.model())
            .withMaxStreams(maxStreams)));
    }

    ServerFixture(StarPaceServer server) {
        this.server = server;
    }

    int port() {
        return server.port();
    }

    record Response(int status, JsonNode json, byte[] body, String contentType) {
    }

    Response call(String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
            .method(method, HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        String type = r.headers().firstValue("Content-Type").orElse("");
        JsonNode json = type.startsWith("application/json") && r.body().length > 0 ? new ObjectMapper().readTree(r.body()) : null;
        return new Response(r.statusCode(), json, r.body(), type);
    }

    /** A JSON POST, as our own pages send it. */
    Response post(String path, String json) throws Exception {
        return send("POST", path, json);
    }

    /** A JSON write (POST, PUT), as our own pages send it. */
    Response send(String method, String path, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
            .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json)).build();
        HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        String type = r.headers().firstValue("Content-Type").orElse("");
        JsonNode body = type.startsWith("application/json") && r.body().length > 0 ? new ObjectMapper().readTree(r.body()) : null;
        return new Response(r.statusCode(), body, r.body(), type);
    }

    Response get(String path) throws Exception {
        return call("GET", path);
    }

    @Override
    public void close() {
        server.close();
    }
}
