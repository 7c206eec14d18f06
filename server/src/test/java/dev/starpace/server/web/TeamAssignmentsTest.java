package dev.starpace.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Assignments, the cohort view and its CSV on a real team server (PostgreSQL, sign-in through a real provider): a coach
 * sets an assignment; a take counts for it once its candidate shares it; the view and the CSV show only shared takes,
 * with each phase's seconds against its target take by take; past the attempts allowed a take is refused; a candidate
 * taken out of the cohort keeps her takes, and its coach sees them no more.
 */
class TeamAssignmentsTest {
    @TempDir
    Path dir;

    private static JsonNode row(JsonNode view, String email) {
        for (JsonNode c : view.get("candidates")) {
            if (c.get("email").asText().equals(email)) {
                return c;
            }
        }
        throw new AssertionError("no row for " + email + ": " + view);
    }

    /** Cole, a coach, and his cohort "Spring" with Ana, a candidate, in it. */
    private record Spring(TeamFixture.Member cole, TeamFixture.Member ana, String cohort) {
        static Spring in(TeamFixture team, String anasName) throws Exception {
            TeamFixture.Member cole = team.signIn("cole-sub", "cole@example.edu", "Cole", "coaches");
            TeamFixture.Member ana = team.signIn("ana-sub", "ana@example.edu", anasName);
            String cohort = cole.post("/api/cohorts", "{\"name\": \"Spring\"}").json().get("id").asText();
            cole.post("/api/cohorts/" + cohort + "/members", "{\"email\": \"ana@example.edu\"}");
            return new Spring(cole, ana, cohort);
        }
    }

    @Test
    void anAssignmentIsDoneWhenItsTakeIsSharedAndTheCohortViewAndCsvShowIt() throws Exception {
        try (TeamFixture team = new TeamFixture(dir, "sign-in.coach-groups = coaches\n")) {
            Spring spring = Spring.in(team, "Ana, \"the\" Lopez");
            TeamFixture.Member cole = spring.cole();
            TeamFixture.Member ana = spring.ana();
            String cohort = spring.cohort();
            cole.post("/api/cohorts/" + cohort + "/members", "{\"email\": \"=cmd@example.edu\"}");
            TeamFixture.Response set = cole.post("/api/cohorts/" + cohort + "/assignments", "{\"title\": \"Week 1\", \"questions\": [\""
                + Seeds.SEED + "\"], \"level\": \"sde2\", \"due\": \"2099-01-31\", \"attemptsAllowed\": 2}");
            assertEquals(201, set.status(), set.body());
            assertEquals("2099-01-31T23:59:59Z", set.json().get("dueAt").asText(), "due at the end of the day");
            TeamFixture.Response bad = cole.post("/api/cohorts/" + cohort + "/assignments", "{\"title\": \"x\", \"questions\": [\"nope\"],"
                + " \"due\": \"2099-01-31\"}");
            assertEquals(400, bad.status());
            assertEquals("unknown question 'nope' in the assignment", bad.json().get("error").asText());
            assertEquals("Give the due date as YYYY-MM-DD, not tomorrow.", cole.post("/api/cohorts/" + cohort + "/assignments",
                "{\"title\": \"x\", \"questions\": [\"" + Seeds.SEED + "\"], \"due\": \"tomorrow\"}").json().get("error").asText());

            String take = ana.write(Seeds.SEED);
            JsonNode mine = ana.get("/api/assignments").json();
            assertEquals("Week 1", mine.get(0).get("assignment").get("title").asText());
            assertFalse(mine.get(0).get("progress").get("done").asBoolean(), "not handed in until shared");
            JsonNode view = cole.get("/api/cohorts/" + cohort + "/view").json();
            JsonNode anaRow = row(view, "ana@example.edu");
            assertEquals(0, anaRow.get("assignmentsDone").asInt());
            assertTrue(anaRow.get("latestScore").isNull() || anaRow.get("latestScore").isMissingNode(), "an unshared take is not seen: " + anaRow);

            ana.call("PUT", "/api/attempts/" + take + "/share", "{\"shared\": true}", true);
            cole.call("PUT", "/api/attempts/" + take + "/coach-score", "{\"score\": 61}", true);
            assertTrue(ana.get("/api/assignments").json().get(0).get("progress").get("done").asBoolean());
            anaRow = row(cole.get("/api/cohorts/" + cohort + "/view").json(), "ana@example.edu");
            assertEquals(1, anaRow.get("assignmentsDone").asInt());
            int score = ana.get("/api/attempts/" + take).json().get("score").asInt();
            assertEquals(score, anaRow.get("latestScore").asInt());
            assertEquals(61, anaRow.get("latestCoachScore").asInt());
            assertEquals(1, anaRow.get("trend").size());
            assertTrue(anaRow.get("trend").get(0).get("phases").size() >= 3, "the phases' seconds: " + anaRow);

            JsonNode situation = anaRow.get("trend").get(0).get("phases").get(0);
            assertTrue(List.of("situation", "task", "action", "result", "reflection").contains(situation.get("phase").asText()), situation.toString());
            assertTrue(situation.get("targetSeconds").asDouble() > 0, "each phase with its target: " + situation);

            TeamFixture.Response csv = cole.get("/api/cohorts/" + cohort + "/view.csv");
            assertEquals(200, csv.status());
            List<String> lines = csv.body().lines().toList();
            StringBuilder header = new StringBuilder("email,name,assignments done,assignments,latest score,latest coach score,last practised");
            for (String phase : List.of("situation", "task", "action", "result", "reflection")) {
                header.append(',').append(phase).append(" seconds (latest),").append(phase).append(" target seconds (latest),")
                    .append(phase).append(" seconds of target (last 10 takes, oldest first)");
            }
            assertEquals(header.toString(), lines.get(0));
            assertTrue(lines.get(2).startsWith("ana@example.edu,\"Ana, \"\"the\"\" Lopez\",1,1," + score + ",61,"), lines.get(2));
            String trend = Math.round(situation.get("seconds").asDouble()) + " of " + Math.round(situation.get("targetSeconds").asDouble());
            assertTrue(lines.get(2).contains(String.format(java.util.Locale.ROOT, ",%.1f,%.1f,%s,", situation.get("seconds").asDouble(),
                situation.get("targetSeconds").asDouble(), trend)), "the situation's seconds, target and trend: " + lines.get(2));
            assertTrue(lines.get(1).startsWith("\"'=cmd@example.edu\""), "a cell a spreadsheet would run is quoted: " + lines.get(1));
            assertEquals(3, lines.size());

            // a second shared take: the trend has both, oldest first
            String second = ana.write(Seeds.SEED);
            ana.call("PUT", "/api/attempts/" + second + "/share", "{\"shared\": true}", true);
            anaRow = row(cole.get("/api/cohorts/" + cohort + "/view").json(), "ana@example.edu");
            assertEquals(List.of(take, second), anaRow.get("trend").findValuesAsText("attemptId"));
            String csvRow = cole.get("/api/cohorts/" + cohort + "/view.csv").body().lines().toList().get(2);
            assertTrue(csvRow.contains(trend + "; " + trend), "two takes of the same written answer, oldest first: " + csvRow);
        }
    }

    private static final String WEEK_1 = "{\"title\": \"Week 1\", \"questions\": [\"" + Seeds.SEED + "\", \"earn-trust\"], \"level\": \"sde2\","
        + " \"due\": \"2099-01-31\", \"attemptsAllowed\": 2}";
    static final String USED_UP = "You have used all 2 attempts \"Week 1\" allows at this question at SDE2 (due 2099-01-31): ask your coach"
        + " if you need another.";

    /** The attempts used of each of the assignment's questions, as the candidate's page reads them. */
    private static List<String> used(TeamFixture.Member candidate) throws Exception {
        List<String> out = new java.util.ArrayList<>();
        candidate.get("/api/assignments").json().get(0).get("attempts").forEach(u -> out.add(u.get("questionId").asText() + " "
            + u.get("used").asInt() + " of " + u.get("allowed").asInt()));
        return out;
    }

    @Test
    void pastTheAttemptsAllowedATakeIsRefusedWithOneLineByTheApiAndTheSocket() throws Exception {
        try (TeamFixture team = new TeamFixture(dir, "sign-in.coach-groups = coaches\n")) {
            Spring spring = Spring.in(team, "Ana Lopez");
            TeamFixture.Member cole = spring.cole();
            TeamFixture.Member ana = spring.ana();
            String cohort = spring.cohort();
            TeamFixture.Member bob = team.signIn("bob-sub", "bob@example.edu", "Bob Stone");
            assertEquals(201, cole.post("/api/cohorts/" + cohort + "/assignments", WEEK_1).status());
            assertEquals(List.of(Seeds.SEED + " 0 of 2", "earn-trust 0 of 2"), used(ana));

            ana.write(Seeds.SEED);
            String second = ana.write(Seeds.SEED);
            assertEquals(List.of(Seeds.SEED + " 2 of 2", "earn-trust 0 of 2"), used(ana), "shared or not, each take is an attempt");
            TeamFixture.Response third = ana.post("/api/attempts/written", "{\"question\": \"" + Seeds.SEED + "\", \"level\": \"sde2\","
                + " \"text\": \"" + TeamSignInTest.ANSWER + "\"}");
            assertEquals(409, third.status(), third.body());
            assertEquals(USED_UP, third.json().get("error").asText());
            assertEquals(2, ana.get("/api/attempts").json().size(), "the refused take left nothing");

            // the live socket refuses the start the same way, before anything is stored
            LiveClient live = LiveClient.connect(java.net.URI.create("ws://localhost:" + team.port + "/ws/answer"),
                java.util.Map.of("Cookie", ana.cookieHeader()));
            live.send(AnswerSocketTest.START);
            JsonNode refused = live.await("error");
            assertEquals("attempts-used", refused.get("code").asText());
            assertEquals(USED_UP, refused.get("message").asText());
            assertEquals(1008, live.awaitClose());
            assertEquals(2, ana.get("/api/attempts").json().size());

            // deleting a take does not give the attempt back
            assertEquals(204, ana.delete("/api/attempts/" + second).status());
            assertEquals(List.of(Seeds.SEED + " 2 of 2", "earn-trust 0 of 2"), used(ana));
            assertEquals(409, ana.post("/api/attempts/written", "{\"question\": \"" + Seeds.SEED + "\", \"level\": \"sde2\","
                + " \"text\": \"" + TeamSignInTest.ANSWER + "\"}").status());

            // the assignment's other question, the same question at another level, and someone in no cohort: all free
            ana.write("earn-trust");
            assertEquals(201, ana.post("/api/attempts/written", "{\"question\": \"" + Seeds.SEED + "\", \"level\": \"senior\","
                + " \"text\": \"" + TeamSignInTest.ANSWER + "\"}").status());
            bob.write(Seeds.SEED);
            bob.write(Seeds.SEED);
            bob.write(Seeds.SEED);
            assertEquals(List.of(Seeds.SEED + " 2 of 2", "earn-trust 1 of 2"), used(ana));
        }
    }

    @Test
    void aRemovedCandidatesTakesAreNoLongerTheCoachsAndStayHers() throws Exception {
        try (TeamFixture team = new TeamFixture(dir, "sign-in.coach-groups = coaches\n")) {
            Spring spring = Spring.in(team, "Ana Lopez");
            TeamFixture.Member cole = spring.cole();
            TeamFixture.Member ana = spring.ana();
            String cohort = spring.cohort();
            String take = ana.write(Seeds.SEED);
            ana.call("PUT", "/api/attempts/" + take + "/share", "{\"shared\": true}", true);
            assertEquals(200, cole.get("/api/attempts/" + take).status());

            assertEquals(204, cole.delete("/api/cohorts/" + cohort + "/members/Ana@Example.edu").status());
            assertEquals(404, cole.get("/api/attempts/" + take).status(), "her shared take is no longer the coach's to see");
            assertEquals(404, cole.get("/api/attempts/" + take + "/audio").status());
            assertEquals(0, cole.get("/api/review-queue").json().size());
            assertEquals(0, cole.get("/api/cohorts/" + cohort + "/view").json().get("candidates").size());
            assertEquals(404, cole.delete("/api/cohorts/" + cohort + "/members/ana@example.edu").status(), "removed once");

            assertEquals(200, ana.get("/api/attempts/" + take).status(), "the take is still hers");
            assertTrue(ana.get("/api/attempts/" + take + "/review").json().get("shared").asBoolean(), "as she left it");
            assertEquals(0, ana.get("/api/cohorts").json().size());
            assertEquals(0, ana.get("/api/assignments").json().size());
        }
    }
}
