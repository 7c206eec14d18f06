package dev.starpace.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 21 over real HTTP: typed answers judged as writing, and the facts the page reads from the engine. */
class CoachingTest extends ServerTest {
    private final HttpClient http = HttpClient.newHttpClient();

    private JsonNode post(String path, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertTrue(r.statusCode() / 100 == 2, r.statusCode() + " " + r.body());
        return new ObjectMapper().readTree(r.body());
    }

    private JsonNode typed(String text) throws Exception {
        return post("/api/attempts/written", new ObjectMapper().writeValueAsString(Map.of("question", Seeds.SEED, "level", "sde2", "text", text)));
    }

    @Test
    void aTypedAnswerGetsNoPacePauseOrDeliveryVerdictAndKeepsTheWritersText() throws Exception {
        JsonNode attempt = typed(CandidateDefectsTest.ONE_GAP);
        for (JsonNode t : new JsonNode[] {attempt.get("transcript"),
            post("/api/attempts/" + attempt.get("id").asText() + "/rescore", "").get("transcript")}) {
            assertEquals("written", t.get("input").asText());
            String all = t.get("rules").toString() + t.get("verdict").toString();
            assertFalse(all.contains("words a minute") || all.contains("You spoke") || all.contains("Good pace"), all);
            for (JsonNode r : t.get("rules")) {
                assertFalse(Map.of("pace", 1, "fillers", 1, "long-pauses", 1).containsKey(r.get("id").asText()), r.toString());
            }
            for (JsonNode p : t.get("score").get("parts")) {
                assertFalse(p.get("part").asText().equals("delivery"), t.get("score").toString());
            }
            assertTrue(t.get("score").get("note").asText().contains("of the 85 points that apply"), t.get("score").toString());
            String shown = String.join(" ", t.get("words").findValuesAsText("shown"));
            String html = new String(server.get("/api/attempts/" + attempt.get("id").asText() + "/report.html").body());
            assertFalse(html.contains("words a minute"), "the export judges no pace");
            assertTrue(html.contains(">SDE2,<") && html.contains(">0.3%<"), "the export shows the answer as written");
            assertTrue(shown.startsWith("While working as an SDE2, I noticed a persistent 0.3% webhook drop rate in the Platform team's"), shown);
        }
    }

    @Test
    void theFactsThePageShowsComeFromTheEngine() throws Exception {
        JsonNode facts = server.get("/api/facts").json();
        assertEquals(110, facts.get("pace").get("slowest").asInt());
        assertEquals(170, facts.get("pace").get("fastest").asInt());
        JsonNode action = null;
        for (JsonNode c : facts.get("checks")) {
            if (c.get("id").asText().equals("action-first-person")) {
                action = c;
            }
        }
        assertEquals("Action told in the first person", action.get("name").asText());
        assertEquals("action", action.get("phase").asText());
        assertEquals("content", action.get("kind").asText());
    }

    @Test
    void theBestTakeIsTheBestSpokenOneAndTypedTakesAreMarked() throws Exception {
        JsonNode typed = typed(CandidateDefectsTest.ONE_GAP);
        String spoken = post("/api/attempts/written", new ObjectMapper().writeValueAsString(Map.of("question", Seeds.SEED, "text",
            "I told the platform team and they fixed it."))).get("id").asText();
        JsonNode takes = server.get("/api/questions/" + Seeds.SEED + "/progress").json();
        assertEquals(2, takes.size());
        for (JsonNode t : takes) {
            assertTrue(t.get("written").asBoolean(), t.toString());
            assertFalse(t.get("best").asBoolean(), "no spoken take, so no best: " + t);
        }
        assertTrue(typed.get("score").asInt() > 0 && !spoken.isEmpty());
    }
}
