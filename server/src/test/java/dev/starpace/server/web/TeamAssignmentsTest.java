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
 * sets an assignment; a take counts for it once its candidate shares it; the view and the CSV show only shared takes.
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

    @Test
    void anAssignmentIsDoneWhenItsTakeIsSharedAndTheCohortViewAndCsvShowIt() throws Exception {
        try (TeamFixture team = new TeamFixture(dir, "sign-in.coach-groups = coaches\n")) {
            TeamFixture.Member cole = team.signIn("cole-sub", "cole@example.edu", "Cole", "coaches");
            TeamFixture.Member ana = team.signIn("ana-sub", "ana@example.edu", "Ana, \"the\" Lopez");
            String cohort = cole.post("/api/cohorts", "{\"name\": \"Spring\"}").json().get("id").asText();
            cole.post("/api/cohorts/" + cohort + "/members", "{\"email\": \"ana@example.edu\"}");
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

            TeamFixture.Response csv = cole.get("/api/cohorts/" + cohort + "/view.csv");
            assertEquals(200, csv.status());
            List<String> lines = csv.body().lines().toList();
            assertEquals("email,name,assignments done,assignments,latest score,latest coach score,last practised,situation seconds"
                + " (latest),task seconds (latest),action seconds (latest),result seconds (latest),reflection seconds (latest)", lines.get(0));
            assertTrue(lines.get(2).startsWith("ana@example.edu,\"Ana, \"\"the\"\" Lopez\",1,1," + score + ",61,"), lines.get(2));
            assertTrue(lines.get(1).startsWith("\"'=cmd@example.edu\""), "a cell a spreadsheet would run is quoted: " + lines.get(1));
            assertEquals(3, lines.size());
        }
    }
}
