package dev.starpace.server.web;

import static dev.starpace.server.web.LockdownTest.body;
import static dev.starpace.server.web.LockdownTest.raw;
import static dev.starpace.server.web.LockdownTest.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.starpace.engine.Phase;
import dev.starpace.engine.transcript.EstimatedTimings;
import dev.starpace.engine.transcript.Word;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Only this app's own pages write. Another site's page can make the user's browser send a form (text/plain,
 * urlencoded or multipart: no preflight) to the server; the browser names the page in Origin, or says
 * {@code Sec-Fetch-Site: cross-site}. Every state-changing route refuses those, whatever the body, and changes
 * nothing; the app's own page, sending what its scripts send, still writes. Requests are written by hand, as a
 * browser sends them.
 */
class CrossSiteWriteTest extends ServerTest {
    static final String REFUSED_ORIGIN = "StarPace only takes changes from its own pages, not from http://evil.example.";
    static final String REFUSED_SITE = "StarPace only takes changes from its own pages, not from another site.";
    static final String ANSWER = "I noticed our webhook dropped payments, so I traced the retry bug myself and fixed it."
        + " The drop rate fell from 0.3% to zero. I learned to check the retries first.";

    /** What a page on another site can make the browser send: a form in each of its three encodings. */
    static final Map<String, String> FORMS = Map.of(
        "text/plain", json(Map.of("question", Seeds.SEED, "text", ANSWER)),
        "application/x-www-form-urlencoded", "question=" + Seeds.SEED + "&text=I+fixed+it+myself.",
        "multipart/form-data; boundary=XyZ", "--XyZ\r\nContent-Disposition: form-data; name=\"question\"\r\n\r\n" + Seeds.SEED
            + "\r\n--XyZ\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nI fixed it myself.\r\n--XyZ--\r\n");

    @Test
    void aWrittenAnswerSentFromAnotherSitesPageIsRefusedAndNotKept() throws Exception {
        assertEveryForeignWriteRefused("POST", "/api/attempts/written");
        assertEquals(0, server.get("/api/attempts").json().size(), "no attempt was created in the user's history");
    }

    @Test
    void anOwnQuestionWrittenOrDeletedFromAnotherSitesPageIsRefused() throws Exception {
        assertEveryForeignWriteRefused("POST", "/api/own-questions");
        assertEquals(0, server.get("/api/own-questions").json().size(), "no question was kept");
        String id = server.post("/api/own-questions", "{\"question\": \"" + OwnQuestionTest.MINE + "\", \"lp\": \"Ownership\"}")
            .json().get("id").asText();
        assertEveryForeignWriteRefused("DELETE", "/api/own-questions/" + id);
        assertEquals(1, server.get("/api/own-questions").json().size(), "the question is still there");
    }

    @Test
    void aStoryWrittenToldOrDeletedFromAnotherSitesPageIsRefused() throws Exception {
        assertEveryForeignWriteRefused("POST", "/api/stories");
        assertEquals(0, server.get("/api/stories").json().size(), "no story was kept");
        String story = server.post("/api/stories", "{\"title\": \"A story\", \"lps\": [\"Ownership\"]}").json().get("id").asText();
        String take = labelledAllSituation();
        assertEveryForeignWriteRefused("PUT", "/api/attempts/" + take + "/story");
        assertEquals("null", server.get("/api/attempts/" + take + "/story").json().get("story").toString(), "no story told");
        assertEveryForeignWriteRefused("DELETE", "/api/stories/" + story);
        assertEquals(1, server.get("/api/stories").json().size(), "the story is still there");
    }

    @Test
    void anInterviewStartedOrAnsweredFromAnotherSitesPageIsRefused() throws Exception {
        assertEveryForeignWriteRefused("POST", "/api/interviews");
        assertEquals(0, server.get("/api/interviews").json().size(), "no interview was started");
        String interview = server.post("/api/interviews", "{\"level\": \"sde2\", \"pick\": 3}").json().get("id").asText();
        assertEveryForeignWriteRefused("PUT", "/api/interviews/" + interview + "/answers/0");
        assertEquals(0, server.get("/api/interviews/" + interview).json().get("overall").get("answered").asInt(), "no answer recorded");
    }

    @Test
    void aRescoreSentFromAnotherSitesPageIsRefusedAndChangesNothing() throws Exception {
        String id = labelledAllSituation();
        assertEveryForeignWriteRefused("POST", "/api/attempts/" + id + "/rescore");
        assertEquals(0.0, phaseSeconds(id, Phase.ACTION), "still as stored: nothing re-scored it");
    }

    @Test
    void aDeleteSentFromAnotherSitesPageIsRefusedAndTheAttemptStays() throws Exception {
        String id = labelledAllSituation();
        assertEveryForeignWriteRefused("DELETE", "/api/attempts/" + id);
        assertEquals(200, server.get("/api/attempts/" + id).status(), "the attempt is still there");
    }

    @Test
    void theAppsOwnPageStillWritesScoresAgainAndDeletes() throws Exception {
        String own = "Origin: http://" + self() + "\r\nSec-Fetch-Site: same-origin\r\n";
        String written = raw(server.port(), self(), "POST", "/api/attempts/written", own + "Content-Type: application/json\r\n",
            json(Map.of("question", Seeds.SEED, "level", "sde2", "text", ANSWER)));
        assertEquals(201, status(written), written);

        // as history.js sends them: no body, so no type
        String id = labelledAllSituation();
        assertEquals(200, status(raw(server.port(), self(), "POST", "/api/attempts/" + id + "/rescore", own)));
        assertTrue(phaseSeconds(id, Phase.ACTION) > 0, "re-scored: the segmenter found the Action");
        assertEquals(204, status(raw(server.port(), self(), "DELETE", "/api/attempts/" + id, own)));
        assertEquals(404, server.get("/api/attempts/" + id).status());
        assertEquals(201, status(raw(server.port(), self(), "POST", "/api/attempts/written", "Content-Type: application/json; charset=utf-8\r\n",
            json(Map.of("question", Seeds.SEED, "text", ANSWER)))), "a script or curl, with no Origin, sending JSON");
    }

    @Test
    void aBodyThatIsNotJsonIsRefusedEvenWithNoOrigin() throws Exception {
        for (Map.Entry<String, String> form : FORMS.entrySet()) {
            String r = raw(server.port(), self(), "POST", "/api/attempts/written", "Content-Type: " + form.getKey() + "\r\n", form.getValue());
            assertEquals(415, status(r), form.getKey() + ": " + r);
            assertEquals("Send the request as JSON (Content-Type: application/json), not " + form.getKey() + ".", error(r));
        }
        String untyped = raw(server.port(), self(), "POST", "/api/attempts/written", "", FORMS.get("text/plain"));
        assertEquals(415, status(untyped), untyped);
        assertEquals(0, server.get("/api/attempts").json().size());
    }

    /** Each form from another origin, a fetch the browser marks cross-site or same-site with no Origin, and Origin: null. */
    private void assertEveryForeignWriteRefused(String method, String path) throws Exception {
        for (Map.Entry<String, String> form : FORMS.entrySet()) {
            String r = raw(server.port(), self(), method, path, "Origin: http://evil.example\r\nContent-Type: " + form.getKey() + "\r\n",
                form.getValue());
            assertEquals(403, status(r), method + " " + path + " as " + form.getKey() + ": " + r);
            assertEquals(REFUSED_ORIGIN, error(r));
        }
        for (String site : List.of("cross-site", "same-site")) {
            String r = raw(server.port(), self(), method, path, "Sec-Fetch-Site: " + site + "\r\nContent-Type: text/plain\r\n", FORMS.get("text/plain"));
            assertEquals(403, status(r), method + " " + path + " marked " + site + ": " + r);
            assertEquals(REFUSED_SITE, error(r));
        }
        String sandboxed = raw(server.port(), self(), method, path, "Origin: null\r\n");
        assertEquals(403, status(sandboxed), "a sandboxed frame or a file: page: " + sandboxed);
        String otherPort = raw(server.port(), self(), method, path, "Origin: http://127.0.0.1:1\r\nContent-Type: application/json\r\n", "{}");
        assertEquals(403, status(otherPort), "another server on this machine: " + otherPort);
    }

    /** An attempt stored with every word in the Situation: a re-score gives it other phases. */
    private String labelledAllSituation() {
        List<Word> words = EstimatedTimings.words(CandidateDefectsTest.ONE_GAP);
        try (Seeds seeds = new Seeds(data)) {
            return seeds.labelled(words, Collections.nCopies(words.size(), Phase.SITUATION));
        }
    }

    private double phaseSeconds(String id, Phase phase) throws Exception {
        for (JsonNode p : server.get("/api/attempts/" + id).json().get("transcript").get("phases")) {
            if (p.get("phase").asText().equals(phase.id())) {
                return p.get("seconds").asDouble();
            }
        }
        throw new AssertionError("no " + phase + " in " + id);
    }

    private String self() {
        return "127.0.0.1:" + server.port();
    }

    /** The one line the client is told. */
    private static String error(String response) throws Exception {
        String message = new ObjectMapper().readTree(body(response)).get("error").asText();
        assertEquals(1, message.lines().count(), message);
        return message;
    }

    private static String json(Object value) {
        try {
            return new ObjectMapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
