package dev.starpace.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.HandlerType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every route of a team server × every kind of person, on a real PostgreSQL with sign-in through a real OpenID Connect
 * provider. The route list is the server's own (StarPaceServer#routes), so a route added without a case here fails this
 * test; what each person must get follows from the route's declared Rule and is checked against what the server does.
 * Ana (candidate) owns the take; Cole coaches Ana's cohort and she shared the take; Carl coaches another cohort, Bob is
 * another candidate, Dana an admin in no cohort.
 */
class AuthorizationMatrixTest {
    enum Who { ANYONE, ANA, BOB, COLE, CARL, DANA }

    /** One request of a route, made for one caller: its concrete path and JSON body, and its status when allowed. */
    record Call(String path, String body, int allowed, boolean ofCohort) {
        static Call of(String path, int allowed) {
            return new Call(path, null, allowed, false);
        }
    }

    @TempDir
    static Path dir;
    static TeamFixture team;
    static final Map<Who, TeamFixture.Member> members = new EnumMap<>(Who.class);
    static String shared;
    static String unshared;
    static String cohort;

    @BeforeAll
    static void start() throws Exception {
        team = new TeamFixture(dir, "sign-in.coach-groups = coaches\nadmins = dana@example.edu\n");
        members.put(Who.ANYONE, team.anonymous());
        for (Who w : List.of(Who.ANA, Who.BOB, Who.COLE, Who.CARL, Who.DANA)) {
            members.put(w, signIn(w));
        }
        cohort = members.get(Who.COLE).post("/api/cohorts", "{\"name\": \"Spring\"}").json().get("id").asText();
        assertEquals(201, members.get(Who.COLE).post("/api/cohorts/" + cohort + "/members", "{\"email\": \"ana@example.edu\"}").status());
        String other = members.get(Who.CARL).post("/api/cohorts", "{\"name\": \"Autumn\"}").json().get("id").asText();
        assertEquals(201, members.get(Who.CARL).post("/api/cohorts/" + other + "/members", "{\"email\": \"bob@example.edu\"}").status());
        shared = sharedTake();
        recordedFollowUp(shared);
        unshared = members.get(Who.ANA).write(Seeds.SEED);
    }

    @AfterAll
    static void stop() {
        team.close();
    }

    static TeamFixture.Member signIn(Who w) throws Exception {
        String name = w.name().charAt(0) + w.name().substring(1).toLowerCase();
        String[] groups = w == Who.COLE || w == Who.CARL ? new String[] {"coaches"} : new String[0];
        return team.signIn(w.name().toLowerCase() + "-sub", w.name().toLowerCase() + "@example.edu", name, groups);
    }

    /** A take of Ana's that she shared with her cohort's coaches. */
    static String sharedTake() throws Exception {
        String id = members.get(Who.ANA).write(Seeds.SEED);
        assertEquals(200, members.get(Who.ANA).call("PUT", "/api/attempts/" + id + "/share", "{\"shared\": true}", true).status());
        return id;
    }

    /** A follow-up of the take answered aloud, so that its recording is there for those who may hear it. */
    static void recordedFollowUp(String take) {
        try (dev.starpace.server.store.AttemptStore store = dev.starpace.server.store.PostgresAttemptStore.open(team.database)) {
            List<dev.starpace.engine.transcript.Word> said = List.of(new dev.starpace.engine.transcript.Word("i", 0.1, 0.3),
                new dev.starpace.engine.transcript.Word("called", 0.3, 0.7), new dev.starpace.engine.transcript.Word("them", 0.7, 1.0));
            store.saveFollowUp(take, new dev.starpace.server.store.FollowUp(0, "i called them",
                dev.starpace.engine.probe.ProbeJudge.judge(dev.starpace.server.Fixtures.BANK.get(Seeds.SEED), 0, said), true), new byte[32000]);
        }
    }

    /** How each route is called; a route of the server missing here fails the test. */
    static Map<String, Function<Who, Call>> cases() {
        Map<String, Function<Who, Call>> c = new LinkedHashMap<>();
        String q = Seeds.SEED;
        c.put("GET /api/health", w -> Call.of("/api/health", 200));
        c.put("GET /api/facts", w -> Call.of("/api/facts", 200));
        c.put("GET /api/questions", w -> Call.of("/api/questions", 200));
        c.put("GET /api/questions/{id}", w -> Call.of("/api/questions/" + q, 200));
        c.put("GET /api/questions/{id}/progress", w -> Call.of("/api/questions/" + q + "/progress", 200));
        c.put("GET /api/questions/{id}/targets", w -> Call.of("/api/questions/" + q + "/targets?level=sde2", 200));
        c.put("GET /api/attempts", w -> Call.of("/api/attempts", 200));
        c.put("POST /api/attempts/written", w -> new Call("/api/attempts/written", "{\"question\": \"" + q + "\", \"text\": \""
            + TeamSignInTest.ANSWER + "\"}", 201, false));
        c.put("GET /api/attempts/{id}", w -> Call.of("/api/attempts/" + shared, 200));
        c.put("GET /api/attempts/{id}/audio", w -> Call.of("/api/attempts/" + shared + "/audio", 200));
        c.put("GET /api/attempts/{id}/follow-ups/{probe}/audio", w -> Call.of("/api/attempts/" + shared + "/follow-ups/0/audio", 200));
        c.put("GET /api/attempts/{id}/probes", w -> Call.of("/api/attempts/" + shared + "/probes", 200));
        c.put("GET /api/attempts/{id}/transcript.json", w -> Call.of("/api/attempts/" + shared + "/transcript.json", 200));
        c.put("GET /api/attempts/{id}/report.html", w -> Call.of("/api/attempts/" + shared + "/report.html", 200));
        c.put("GET /api/attempts/{id}/review", w -> Call.of("/api/attempts/" + shared + "/review", 200));
        c.put("POST /api/attempts/{id}/rescore", w -> Call.of("/api/attempts/" + shared + "/rescore", 200));
        c.put("PUT /api/attempts/{id}/share", w -> new Call("/api/attempts/" + shared + "/share", "{\"shared\": true}", 200, false));
        c.put("DELETE /api/attempts/{id}", w -> Call.of("/api/attempts/" + fresh(TeamMatrixSteps::take) + "", 204));
        c.put("POST /api/attempts/{id}/comments", w -> new Call("/api/attempts/" + shared + "/comments",
            "{\"start\": 1, \"end\": 4, \"text\": \"Say what you did first.\"}", 201, false));
        c.put("DELETE /api/attempts/{id}/comments/{comment}", w -> Call.of("/api/attempts/" + shared + "/comments/"
            + fresh(TeamMatrixSteps::coleComment), 204));
        c.put("PUT /api/attempts/{id}/coach-score", w -> new Call("/api/attempts/" + shared + "/coach-score",
            "{\"score\": 70, \"note\": \"Clear result.\"}", 200, false));
        c.put("PUT /api/attempts/{id}/reviewed", w -> new Call("/api/attempts/" + shared + "/reviewed", "{\"reviewed\": true}", 200, false));
        c.put("GET /api/review-queue", w -> Call.of("/api/review-queue", 200));
        c.put("GET /api/own-questions", w -> Call.of("/api/own-questions", 200));
        c.put("POST /api/own-questions", w -> new Call("/api/own-questions", OWN_QUESTION, 201, false));
        c.put("DELETE /api/own-questions/{id}", w -> Call.of("/api/own-questions/" + madeBy(w, "/api/own-questions", OWN_QUESTION), 204));
        c.put("GET /api/stories", w -> Call.of("/api/stories", 200));
        c.put("POST /api/stories", w -> new Call("/api/stories", STORY, 201, false));
        c.put("DELETE /api/stories/{id}", w -> Call.of("/api/stories/" + madeBy(w, "/api/stories", STORY), 204));
        c.put("GET /api/attempts/{id}/story", w -> Call.of("/api/attempts/" + shared + "/story", 200));
        c.put("PUT /api/attempts/{id}/story", w -> new Call("/api/attempts/" + shared + "/story", "{\"story\": null}", 200, false));
        c.put("GET /api/interviews", w -> Call.of("/api/interviews", 200));
        c.put("POST /api/interviews", w -> new Call("/api/interviews", INTERVIEW, 201, false));
        c.put("GET /api/interviews/{id}", w -> Call.of("/api/interviews/" + madeBy(w, "/api/interviews", INTERVIEW), 200));
        c.put("PUT /api/interviews/{id}/answers/{position}", w -> new Call("/api/interviews/" + madeBy(w, "/api/interviews", INTERVIEW)
            + "/answers/0", "{\"attemptId\": \"" + takeBy(w) + "\"}", 200, false));
        c.put("GET /api/me", w -> Call.of("/api/me", 200));
        c.put("GET /api/cohorts", w -> Call.of("/api/cohorts", 200));
        c.put("POST /api/cohorts", w -> new Call("/api/cohorts", "{\"name\": \"Made by " + w + "\"}", 201, false));
        c.put("GET /api/cohorts/{id}", w -> new Call("/api/cohorts/" + cohort, null, 200, true));
        c.put("POST /api/cohorts/{id}/members", w -> new Call("/api/cohorts/" + cohort + "/members",
            "{\"email\": \"new-" + w.name().toLowerCase() + "@example.edu\"}", 201, true));
        c.put("DELETE /api/cohorts/{id}/members/{email}", w -> new Call("/api/cohorts/" + cohort + "/members/"
            + fresh(TeamMatrixSteps::member), null, 204, true));
        // at senior: Ana's takes here are at sde2, and an assignment's attempts allowed would soon refuse them
        c.put("POST /api/cohorts/{id}/assignments", w -> new Call("/api/cohorts/" + cohort + "/assignments", "{\"title\": \"Week 1\","
            + " \"questions\": [\"" + q + "\"], \"level\": \"senior\", \"due\": \"2099-01-31\", \"attemptsAllowed\": 2}", 201, true));
        c.put("GET /api/cohorts/{id}/assignments", w -> new Call("/api/cohorts/" + cohort + "/assignments", null, 200, true));
        c.put("GET /api/assignments", w -> Call.of("/api/assignments", 200));
        c.put("GET /api/cohorts/{id}/view", w -> new Call("/api/cohorts/" + cohort + "/view", null, 200, true));
        c.put("GET /api/cohorts/{id}/view.csv", w -> new Call("/api/cohorts/" + cohort + "/view.csv", null, 200, true));
        c.put("GET /sign-in", w -> Call.of("/sign-in", 302));
        c.put("GET /sign-in/callback", w -> Call.of("/sign-in/callback", 400));
        c.put("POST /sign-out", w -> Call.of("/sign-out", 204));
        return c;
    }

    static final String OWN_QUESTION = "{\"question\": \"Tell me about a time you changed a rota nobody liked.\", \"lp\": \"Ownership\"}";
    static final String STORY = "{\"title\": \"The night-shift rota\", \"notes\": \"Swapped the handover order.\", \"lps\": [\"Ownership\"]}";

    static final String INTERVIEW = "{\"level\": \"sde2\", \"thinkingSeconds\": 30, \"questions\": [\"" + Seeds.SEED
        + "\", \"earn-trust\", \"dive-deep\"]}";

    /** A take of the interview's first question by this person, to record as its answer (nobody's when not signed in). */
    static String takeBy(Who who) {
        try {
            return who == Who.ANYONE ? "nobodys" : members.get(who).write(Seeds.SEED);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** An own question or story of this person's, made anew for a call that deletes it (nobody's when not signed in). */
    static String madeBy(Who who, String route, String json) {
        if (who == Who.ANYONE) {
            return "nobodys";
        }
        try {
            return members.get(who).post(route, json).json().get("id").asText();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** An interview is its candidate's alone: nobody else lists it, reads its report or answers its questions. */
    @Test
    void anInterviewIsItsCandidatesAlone() throws Exception {
        String interview = madeBy(Who.ANA, "/api/interviews", INTERVIEW);
        String anas = members.get(Who.ANA).write(Seeds.SEED);
        for (Who other : List.of(Who.BOB, Who.COLE)) {
            assertTrue(!members.get(other).get("/api/interviews").body().contains(interview), other + " does not list Ana's interview");
            assertEquals(404, members.get(other).get("/api/interviews/" + interview).status());
            assertEquals(404, members.get(other).call("PUT", "/api/interviews/" + interview + "/answers/0",
                "{\"attemptId\": \"" + members.get(other).write(Seeds.SEED) + "\"}", true).status());
        }
        assertEquals(404, members.get(Who.ANA).call("PUT", "/api/interviews/" + madeBy(Who.ANA, "/api/interviews", INTERVIEW) + "/answers/0",
            "{\"attemptId\": \"" + members.get(Who.BOB).write(Seeds.SEED) + "\"}", true).status(), "nor can Ana record Bob's take");
        JsonNode report = members.get(Who.ANA).call("PUT", "/api/interviews/" + interview + "/answers/0",
            "{\"attemptId\": \"" + anas + "\"}", true).json();
        assertEquals(anas, report.get("answers").get(0).get("attemptId").asText());
    }

    /** Own questions and stories are their writer's alone: listed, deleted and told by nobody else. */
    @Test
    void ownQuestionsAndStoriesAreTheirWritersAlone() throws Exception {
        String question = madeBy(Who.ANA, "/api/own-questions", OWN_QUESTION);
        String story = madeBy(Who.ANA, "/api/stories", STORY);
        for (Who other : List.of(Who.BOB, Who.COLE)) {
            assertTrue(!members.get(other).get("/api/own-questions").body().contains(question), other + " does not list Ana's question");
            assertTrue(!members.get(other).get("/api/stories").body().contains(story), other + " does not list Ana's story");
            assertEquals(404, members.get(other).call("DELETE", "/api/own-questions/" + question, null, true).status());
            assertEquals(404, members.get(other).call("DELETE", "/api/stories/" + story, null, true).status());
        }
        String bobsTake = members.get(Who.BOB).write(Seeds.SEED);
        assertEquals(404, members.get(Who.BOB).call("PUT", "/api/attempts/" + bobsTake + "/story", "{\"story\": \"" + story + "\"}", true)
            .status(), "Bob cannot tell Ana's story");
        assertTrue(members.get(Who.ANA).get("/api/own-questions").body().contains(question));
    }

    /** Something the call destroys, made anew for it. */
    static String fresh(TeamMatrixSteps.Step step) {
        try {
            return step.make(members);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** What the route's rule says this person gets. */
    static int expected(Rule rule, Who who, Call call) {
        boolean candidate = who == Who.ANA || who == Who.BOB;
        if (rule == Rule.OPEN) {
            return call.allowed();
        }
        if (who == Who.ANYONE) {
            return 401;
        }
        return switch (rule) {
            case OPEN, SIGNED_IN -> call.allowed();
            case OWNER_OR_COACH_READS -> who == Who.ANA || who == Who.COLE ? call.allowed() : 404;
            case OWNER -> who == Who.ANA ? call.allowed() : 404;
            case COACH -> candidate ? 403 : !call.ofCohort() || who == Who.COLE || who == Who.DANA ? call.allowed() : 404;
            case COACH_OF_SHARED -> candidate ? 403 : who == Who.COLE ? call.allowed() : 404;
            case ADMIN -> who == Who.DANA ? call.allowed() : 403;
        };
    }

    @Test
    void everyRouteAnswersEachPersonAsItsRuleSays() throws Exception {
        Map<String, Function<Who, Call>> cases = cases();
        List<String> wrong = new ArrayList<>();
        HttpClient noRedirects = HttpClient.newHttpClient();
        for (Route route : team.server.routes()) {
            String key = route.method() + " " + route.path();
            Function<Who, Call> how = cases.get(key);
            assertTrue(how != null, "no case for the route " + key + " (rule " + route.rule() + "): add one to this test");
            for (Who who : Who.values()) {
                Call call = how.apply(who);
                TeamFixture.Member m = route.path().equals("/sign-out") && who != Who.ANYONE ? signIn(who) : members.get(who);
                int status;
                String body;
                if (route.rule() == Rule.OPEN && route.path().startsWith("/sign-in")) {
                    HttpResponse<String> r = noRedirects.send(HttpRequest.newBuilder(URI.create(team.url(call.path()))).build(),
                        HttpResponse.BodyHandlers.ofString());
                    status = r.statusCode();
                    body = r.body();
                } else {
                    TeamFixture.Response r = m.call(route.method().name(), call.path(), call.body(), true);
                    status = r.status();
                    body = r.body();
                }
                int expected = expected(route.rule(), who, call);
                if (status != expected) {
                    wrong.add(key + " as " + who + ": " + status + " (expected " + expected + ") " + body.lines().findFirst().orElse(""));
                }
                if (status == 404 && expected == 404 && route.path().startsWith("/api/attempts/{id}")) {
                    assertEquals(Api.NO_ATTEMPT, new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).get("error").asText(),
                        "another's attempt reads exactly as one that is not there");
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(team.server.routes().stream().anyMatch(r -> r.method() == HandlerType.DELETE), "the list is the server's own");
    }

    /** The unshared take: its owner reads it, its cohort's coach does not. */
    @Test
    void aTakeNotSharedIsTheOwnersAlone() throws Exception {
        assertEquals(200, members.get(Who.ANA).get("/api/attempts/" + unshared).status());
        assertEquals(404, members.get(Who.COLE).get("/api/attempts/" + unshared).status());
        assertEquals(404, members.get(Who.COLE).get("/api/attempts/" + unshared + "/audio").status());
        assertEquals(404, members.get(Who.COLE).post("/api/attempts/" + unshared + "/comments",
            "{\"start\": 0, \"end\": 1, \"text\": \"x\"}").status());
        JsonNode queue = members.get(Who.COLE).get("/api/review-queue").json();
        assertTrue(queue.findValuesAsText("attemptId").contains(shared) && !queue.findValuesAsText("attemptId").contains(unshared),
            queue.toString());
        assertEquals(0, members.get(Who.CARL).get("/api/review-queue").json().size(), "Carl coaches another cohort");
        JsonNode bobsView = members.get(Who.BOB).get("/api/attempts").json();
        assertEquals(List.of(), bobsView.findValuesAsText("owner").stream().filter(o -> !o.equals("bob-sub")).toList(),
            "Bob lists his own attempts only");
    }

    /** The live socket: only with a session, and a follow-up cannot be kept with another person's attempt. */
    @Test
    void theSocketAnswersForItsPersonOnly() throws Exception {
        URI socket = URI.create("ws://localhost:" + team.port + "/ws/answer");
        java.util.concurrent.CompletionException refused = org.junit.jupiter.api.Assertions.assertThrows(
            java.util.concurrent.CompletionException.class, () -> LiveClient.connect(socket, Map.of()));
        assertEquals(401, ((java.net.http.WebSocketHandshakeException) refused.getCause()).getResponse().statusCode());
        for (Who who : List.of(Who.BOB, Who.COLE)) {
            LiveClient live = LiveClient.connect(socket, Map.of("Cookie", members.get(who).cookieHeader()));
            live.send("{\"type\":\"start\",\"question\":\"" + Seeds.SEED + "\",\"level\":\"sde2\",\"mode\":\"probe\",\"probe\":0,"
                + "\"attemptId\":\"" + shared + "\"}");
            JsonNode error = live.await("error");
            assertEquals("follow-ups are kept with a mock interview of this question; that attempt is not one",
                error.get("message").asText(), who + " cannot add to Ana's take, and is not told it exists");
        }
    }
}
