package dev.starpace.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starpace.server.Fixtures;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signing in to team mode through a real OpenID Connect provider (mock-oauth2-server, in this JVM) with real HTTP
 * clients, against a real PostgreSQL: the authorization code flow end to end, roles from the group claim and from the
 * configuration's lists, what a request without a session or without its CSRF token gets, signing out, and sessions
 * that expire.
 */
class TeamSignInTest {
    static final String ANSWER = "When our checkout kept failing for customers I owned the fix. I traced the errors,"
        + " rewrote the retry logic and added alerts. Failures fell by ninety percent and I learned to measure first.";

    @TempDir
    static Path dir;
    static TeamFixture team;

    @BeforeAll
    static void start() throws Exception {
        team = new TeamFixture(dir, "sign-in.coach-groups = starpace-coaches\nadmins = Dana@Example.edu\n");
    }

    @AfterAll
    static void stop() {
        team.close();
    }

    @Test
    void aCandidateSignsInThroughTheProviderAndActsAsThemself() throws Exception {
        TeamFixture.Member ana = team.signIn("ana-sub", "ana@example.edu", "Ana Lopez");
        TeamFixture.Response me = ana.get("/api/me");
        assertEquals(200, me.status());
        assertEquals("ana-sub", me.json().get("id").asText(), "the provider's subject");
        assertEquals("Ana Lopez", me.json().get("name").asText());
        assertEquals("candidate", me.json().get("role").asText());
        assertTrue(me.json().get("signedIn").asBoolean());
        String id = ana.write(Seeds.SEED);
        assertEquals("ana-sub", ana.get("/api/attempts/" + id).json().get("owner").asText(), "the attempt is hers");
        assertEquals(1, ana.get("/api/attempts").json().size());
    }

    @Test
    void rolesComeFromTheGroupClaimOrTheAdminList() throws Exception {
        assertEquals("coach", team.signIn("cole-sub", "cole@example.edu", "Cole", "staff", "starpace-coaches")
            .get("/api/me").json().get("role").asText());
        assertEquals("admin", team.signIn("dana-sub", "dana@example.edu", "Dana").get("/api/me").json().get("role").asText(),
            "the admins list, whatever the e-mail's case");
        assertEquals("candidate", team.signIn("eve-sub", "eve@example.edu", "Eve", "students").get("/api/me").json().get("role").asText());
    }

    @Test
    void withoutASessionTheApiSaysSignInFirstAndThePageSendsToSignIn() throws Exception {
        TeamFixture.Member nobody = team.anonymous();
        TeamFixture.Response attempts = nobody.get("/api/attempts");
        assertEquals(401, attempts.status());
        assertEquals("Sign in first: open this StarPace's page and sign in.", attempts.json().get("error").asText());
        assertEquals(401, nobody.post("/api/attempts/written", "{}").status());
        assertEquals(200, nobody.get("/api/health").status(), "the balancer's health check needs no sign-in");
        HttpResponse<byte[]> page = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(team.url("/"))).build(),
            HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(302, page.statusCode(), "the page sends a browser to sign in");
        assertEquals("/sign-in", page.headers().firstValue("Location").orElse(""));
        TeamFixture.Member forged = team.anonymous();
        forged.cookies.getCookieStore().add(URI.create(team.url("/")), cookie("starpace-session", "made-up"));
        TeamFixture.Response ended = forged.get("/api/me");
        assertEquals(401, ended.status());
        assertEquals("Your sign-in has ended: open this StarPace's page and sign in again.", ended.json().get("error").asText());
    }

    @Test
    void aChangeWithoutTheSessionsTokenOrFromAnotherSiteIsRefused() throws Exception {
        TeamFixture.Member ana = team.signIn("ana2-sub", "ana2@example.edu", "Ana Two");
        String body = "{\"question\": \"" + Seeds.SEED + "\", \"text\": \"" + ANSWER + "\"}";
        TeamFixture.Response noToken = ana.call("POST", "/api/attempts/written", body, false);
        assertEquals(403, noToken.status());
        assertEquals("This change did not come from your StarPace page (its sign-in token is missing): reload the page and"
            + " try again.", noToken.json().get("error").asText());
        HttpResponse<byte[]> crossSite = ana.send(HttpRequest.newBuilder(URI.create(team.url("/api/attempts/written")))
            .header("Content-Type", "application/json").header("Origin", "https://evil.example").header(Gate.CSRF_HEADER, ana.csrf)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(403, crossSite.statusCode(), "WriteGuard's Origin check still holds");
        assertEquals(0, ana.get("/api/attempts").json().size(), "nothing was kept");
        assertEquals(201, ana.post("/api/attempts/written", body).status());
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSite() throws Exception {
        TeamFixture.Member m = team.anonymous();
        team.nextSignIn("flo-sub", "flo@example.edu", "Flo", List.of());
        HttpResponse<byte[]> toProvider = java.net.http.HttpClient.newBuilder().cookieHandler(m.cookies).build()
            .send(HttpRequest.newBuilder(URI.create(team.url("/sign-in"))).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(302, toProvider.statusCode());
        String location = toProvider.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(team.provider.authorizationEndpointUrl(TeamFixture.ISSUER_ID).toString()), location);
        assertTrue(location.contains("code_challenge_method=S256") && location.contains("nonce="), "PKCE and a nonce: " + location);
        HttpResponse<byte[]> back = java.net.http.HttpClient.newBuilder().cookieHandler(m.cookies).build()
            .send(HttpRequest.newBuilder(URI.create(location)).build(), HttpResponse.BodyHandlers.ofByteArray());
        String callback = back.headers().firstValue("Location").orElseThrow();
        HttpResponse<byte[]> signedIn = java.net.http.HttpClient.newBuilder().cookieHandler(m.cookies).build()
            .send(HttpRequest.newBuilder(URI.create(callback)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(302, signedIn.statusCode());
        String set = signedIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("starpace-session=")).findFirst().orElseThrow();
        assertTrue(set.contains("HttpOnly") && set.contains("SameSite=Lax") && set.contains("Max-Age=28800"), set);
        // the state is checked: the same code with another state is refused in one line
        HttpResponse<String> replay = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(callback.replaceAll("state=[^&]+", "state=forged"))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, replay.statusCode());
        assertEquals("This sign-in was not started on this page or took too long. Open /sign-in to start again.\n", replay.body());
    }

    @Test
    void signingOutEndsTheSession() throws Exception {
        TeamFixture.Member gus = team.signIn("gus-sub", "gus@example.edu", "Gus");
        String cookie = gus.cookieHeader();
        assertEquals(204, gus.post("/sign-out", null).status());
        assertEquals(401, gus.get("/api/me").status());
        TeamFixture.Member thief = team.anonymous();
        thief.cookies.getCookieStore().add(URI.create(team.url("/")), cookie("starpace-session", cookie.substring(cookie.indexOf('=') + 1).replace("\"", "")));
        assertEquals(401, thief.get("/api/me").status(), "the old cookie no longer signs anyone in");
    }

    @Test
    void theLiveSocketNeedsASessionAndAnswersAsItsPerson() throws Exception {
        URI socket = URI.create("ws://localhost:" + team.port + "/ws/answer");
        java.util.concurrent.CompletionException refused = org.junit.jupiter.api.Assertions.assertThrows(
            java.util.concurrent.CompletionException.class, () -> LiveClient.connect(socket, Map.of()));
        assertEquals(401, ((java.net.http.WebSocketHandshakeException) refused.getCause()).getResponse().statusCode());
        TeamFixture.Member hal = team.signIn("hal-sub", "hal@example.edu", "Hal");
        org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.CompletionException.class,
            () -> LiveClient.connect(socket, Map.of("Cookie", hal.cookieHeader(), "Origin", "https://evil.example")),
            "another site's page cannot open it with Hal's cookie");
        LiveClient live = LiveClient.connect(socket, Map.of("Cookie", hal.cookieHeader()));
        byte[] weak = Fixtures.pcm("seed-weak");
        live.send(AnswerSocketTest.START);
        int part = weak.length / 4 / AnswerSocketTest.FRAME * AnswerSocketTest.FRAME;
        for (int at = 0; at < part; at += AnswerSocketTest.FRAME) {
            live.send(weak, at, at + AnswerSocketTest.FRAME);
        }
        String id = live.await("ready").get("attemptId").asText();
        live.send("{\"type\":\"stop\"}");
        live.await("scored");
        assertEquals("hal-sub", hal.get("/api/attempts/" + id).json().get("owner").asText(), "the socket answered as Hal");
    }

    private static java.net.HttpCookie cookie(String name, String value) {
        java.net.HttpCookie c = new java.net.HttpCookie(name, value);
        c.setPath("/");
        c.setVersion(0);
        return c;
    }

    @Test
    void aSessionExpires() throws Exception {
        // a second server on the same provider with sessions of two seconds
        try (TeamFixture shortLived = new TeamFixture(java.nio.file.Files.createDirectories(dir.resolve("short")), "session-hours = 0.0006\n")) {
            TeamFixture.Member ivy = shortLived.signIn("ivy-sub", "ivy@example.edu", "Ivy");
            assertEquals(200, ivy.get("/api/me").status());
            Thread.sleep(3_000);
            TeamFixture.Response ended = ivy.get("/api/me");
            assertEquals(401, ended.status());
            assertNotNull(ended.json());
            assertFalse(ended.body().contains("Exception"), ended.body());
        }
    }
}
