package dev.starpace.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.starpace.engine.Level;
import dev.starpace.engine.bank.QuestionBank;
import dev.starpace.engine.timing.Timing;
import dev.starpace.server.Fixtures;
import org.junit.jupiter.api.Test;

/** Your own question over real HTTP and the real live socket: kept, listed, answered aloud, judged, deleted. */
class OwnQuestionTest extends ServerTest {
    static final String MINE = "Describe a time you took over a system nobody wanted to own.";

    @Test
    void anOwnQuestionIsAnsweredAloudAndJudgedWithTheGenericCardsTargetsThenDeletedWithItsTakes() throws Exception {
        ServerFixture.Response kept = server.post("/api/own-questions",
            "{\"question\": \"  " + MINE + " \", \"lp\": \"Ownership\", \"level\": \"senior\"}");
        assertEquals(201, kept.status(), new String(kept.body()));
        String id = kept.json().get("id").asText();
        assertTrue(id.startsWith("own-"), id);
        assertEquals(MINE, kept.json().get("question").asText(), "kept as written, trimmed");

        JsonNode listed = server.get("/api/questions?level=sde2").json();
        assertEquals(id, listed.get(0).get("id").asText(), "listed first, with the bank's questions after it");
        assertTrue(listed.get(0).get("own").asBoolean());
        assertTrue(listed.size() > 10 && !listed.get(1).get("own").asBoolean());
        assertEquals(MINE, server.get("/api/questions/" + id).json().get("question").asText());

        // spoken, over the live socket as the browser sends it
        byte[] pcm = Fixtures.pcm("seed-weak");
        LiveClient client = LiveClient.connect(server.port());
        client.send(AnswerSocketTest.START.replace("customer-obsession-above-and-beyond", id).replace("sde2", "senior"));
        for (int at = 0; at < pcm.length; at += AnswerSocketTest.FRAME) {
            client.send(pcm, at, Math.min(pcm.length, at + AnswerSocketTest.FRAME));
        }
        client.send("{\"type\":\"stop\"}");
        assertEquals(1000, client.awaitClose(), client.types().toString());
        JsonNode t = client.last("scored").get("transcript");
        assertEquals(MINE, t.get("question").get("text").asText());
        assertEquals("Ownership", t.get("question").get("lp").asText());
        double[] budget = Timing.budget(QuestionBank.builtIn().defaultCard(), Level.SENIOR);
        assertEquals(budget[0], t.get("budget").get("minSeconds").asDouble(), 1e-9, "the generic card's senior budget");
        assertEquals(budget[1], t.get("budget").get("maxSeconds").asDouble(), 1e-9);
        assertEquals(QuestionBank.builtIn().defaultCard().phases().get(dev.starpace.engine.Phase.SITUATION).targetSeconds(),
            t.get("phases").get(0).get("targetSeconds").asDouble(), 1e-9);
        assertTrue(t.get("rules").size() > 3, "the generic card's rules: " + t.get("rules"));
        String take = client.last("scored").get("attemptId").asText();
        assertEquals(1, server.get("/api/attempts?question=" + id).json().size(), "kept with its takes");

        assertEquals(204, server.call("DELETE", "/api/own-questions/" + id).status());
        assertEquals(404, server.get("/api/attempts/" + take).status(), "its takes go with it");
        assertEquals(404, server.get("/api/questions/" + id).status());
        assertFalse(server.get("/api/questions").json().findValuesAsText("id").contains(id));
        assertEquals(404, server.call("DELETE", "/api/own-questions/" + id).status());
    }

    @Test
    void aBadQuestionGetsOneClearLine() throws Exception {
        assertBad(400, "Write the question first: at least 10 characters.", "{\"question\": \"why?\", \"lp\": \"Ownership\"}");
        assertBad(413, "The question is too long: at most 400 characters.", "{\"question\": \"" + "a".repeat(401) + "\", \"lp\": \"Ownership\"}");
        assertBad(400, "Pick the Leadership Principle the question asks about.", "{\"question\": \"" + MINE + "\", \"lp\": \" \"}");
        assertBad(400, "unknown level 'staff' (expected sde1, sde2 or senior)", "{\"question\": \"" + MINE + "\", \"lp\": \"Ownership\", \"level\": \"staff\"}");
        assertBad(400, "Send the question as {\"question\": \"...\", \"lp\": \"Ownership\", \"level\": \"sde2\"}.", "{not json");
        assertEquals(404, server.call("DELETE", "/api/own-questions/own-nope").status());
        assertEquals(0, server.get("/api/own-questions").json().size(), "nothing kept");
    }

    private void assertBad(int status, String line, String body) throws Exception {
        ServerFixture.Response r = server.post("/api/own-questions", body);
        assertEquals(status, r.status(), new String(r.body()));
        assertEquals(line, r.json().get("error").asText());
    }
}
