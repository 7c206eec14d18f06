package dev.starpace.server.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.starpace.server.Fixtures;
import dev.starpace.server.store.PostgresAttemptStore;
import dev.starpace.server.store.PostgresCluster;
import dev.starpace.server.team.TeamConfig;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/**
 * Team mode with its real parts, in this JVM: a StarPace on a PostgreSQL database of the shared test cluster, signing
 * people in through a real OpenID Connect provider (mock-oauth2-server, the authorization code flow over HTTP), and
 * {@link Member}s: HTTP clients that each sign in as one person, with their own cookies, as a browser does.
 */
final class TeamFixture implements TeamSite, AutoCloseable {
    static final String ISSUER_ID = "starpace";
    static final String CLIENT_ID = "starpace-client";

    final MockOAuth2Server provider = new MockOAuth2Server();
    final StarPaceServer server;
    final PostgresAttemptStore.Database database;
    final int port;

    /** {@code extra}: more lines of the team configuration (roles, session-hours). */
    TeamFixture(Path dir, String extra) throws Exception {
        provider.start();
        database = PostgresCluster.shared().newDatabase();
        port = freePort();
        Files.writeString(dir.resolve("oidc-secret"), "not-a-real-secret\n");
        Path config = Files.writeString(dir.resolve("team.properties"), "database.url = " + database.url() + "\n"
            + "database.user = " + database.user() + "\n"
            + "public-url = http://localhost:" + port + "/\n"
            + "sign-in.issuer = " + provider.issuerUrl(ISSUER_ID) + "\n"
            + "sign-in.client-id = " + CLIENT_ID + "\n"
            + "sign-in.client-secret-file = oidc-secret\n" + extra);
        server = StarPaceServer.start(new StarPaceServer.Settings("127.0.0.1", port, dir, Fixtures.BANK, Fixtures.model(),
            List.of(), 4, TeamConfig.read(config)));
    }

    /** The page's address, by the public URL's host name (the session cookie is that host's). */
    @Override
    public String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Override
    public int port() {
        return port;
    }

    /** The provider's next sign-in is this person's: their subject, e-mail, name and groups, in the ID token. */
    @Override
    public void nextSignIn(String subject, String email, String name, List<String> groups) {
        provider.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", null,
            Map.of("email", email, "name", name, "groups", groups), 3600));
    }

    /** Someone who has signed in (or not yet: {@link #anonymous()}). */
    @Override
    public Member signIn(String subject, String email, String name, String... groups) throws Exception {
        return signIn(provider, this::url, subject, email, name, groups);
    }

    /** Signs a new member in at the StarPace whose addresses {@code url} makes, through {@code provider}. */
    static Member signIn(MockOAuth2Server provider, java.util.function.UnaryOperator<String> url, String subject, String email,
                         String name, String... groups) throws Exception {
        Member m = new Member(url);
        provider.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", null,
            Map.of("email", email, "name", name, "groups", List.of(groups)), 3600));
        HttpResponse<byte[]> landed = m.send(HttpRequest.newBuilder(URI.create(url.apply("/sign-in"))).GET());
        if (landed.statusCode() != 200 || !landed.uri().getPath().equals("/")) {
            throw new AssertionError("sign-in ended at " + landed.uri() + " with " + landed.statusCode() + ": " + new String(landed.body()));
        }
        m.csrf = m.get("/api/me").json().get("csrf").asText();
        return m;
    }

    Member anonymous() {
        return new Member(this::url);
    }

    @Override
    public void close() {
        server.close();
        provider.shutdown();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    record Response(int status, JsonNode json, String body) {
    }

    /** One person's browser, as an HTTP client: its own cookies, following redirects, sending the CSRF token it was given. */
    static final class Member {
        private static final ObjectMapper JSON = new ObjectMapper();
        final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        final HttpClient http;
        private final java.util.function.UnaryOperator<String> url;
        String csrf;

        Member(java.util.function.UnaryOperator<String> url) {
            this.url = url;
            this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NORMAL).build();
        }

        HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        }

        Response call(String method, String path, String jsonBody, boolean withToken) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url.apply(path)))
                .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody));
            if (jsonBody != null) {
                b.header("Content-Type", "application/json");
            }
            if (withToken && csrf != null) {
                b.header(Gate.CSRF_HEADER, csrf);
            }
            HttpResponse<byte[]> r = send(b);
            String type = r.headers().firstValue("Content-Type").orElse("");
            JsonNode json = type.startsWith("application/json") && r.body().length > 0 ? JSON.readTree(r.body()) : null;
            return new Response(r.statusCode(), json, new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
        }

        Response get(String path) throws Exception {
            return call("GET", path, null, true);
        }

        Response post(String path, String json) throws Exception {
            return call("POST", path, json, true);
        }

        Response delete(String path) throws Exception {
            return call("DELETE", path, null, true);
        }

        /** The session cookie, as the browser would send it on the live socket. */
        String cookieHeader() {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(Gate.COOKIE))
                .map(HttpCookie::toString).findFirst().orElse("");
        }

        /** A written answer, kept: its attempt id. */
        String write(String question) throws Exception {
            Response r = post("/api/attempts/written", "{\"question\": \"" + question + "\", \"level\": \"sde2\", \"text\": \""
                + TeamSignInTest.ANSWER + "\"}");
            if (r.status() != 201) {
                throw new AssertionError(r.status() + " " + r.body());
            }
            return r.json().get("id").asText();
        }
    }
}
