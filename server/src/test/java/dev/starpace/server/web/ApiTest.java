package dev.starpace.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The REST API over real HTTP. */
class ApiTest extends ServerTest {

    @Test
    void listsQuestionsFilteredByLeadershipPrincipleAndLevel() throws Exception {
        ServerFixture.Response all = server.get("/api/questions");
        assertEquals(200, all.status());
        assertTrue(all.json().size() >= 18, all.json().toString());
        ServerFixture.Response frugal = server.get("/api/questions?lp=Frugality");
        assertEquals(1, frugal.json().size());
        assertEquals("frugality", frugal.json().get(0).get("id").asText());
        ServerFixture.Response senior = server.get("/api/questions?lp=dive%20deep&level=senior");
        assertTrue(senior.json().size() >= 2, "dive-deep and the seed card's Dive Deep angle");
        assertEquals(all.json().size(), server.get("/api/questions?level=sde2").json().size(), "every card can be practised at SDE2");
        assertEquals(400, server.get("/api/questions?level=staff").status());
    }

    @Test
    void servesOneWholeCard() throws Exception {
        JsonNode card = server.get("/api/questions/customer-obsession-above-and-beyond").json();
        assertEquals("Tell me about a time you went above and beyond for a customer.", card.get("question").asText());
        assertEquals(30, card.get("phases").get("situation").get("targetSeconds").asInt());
        assertEquals(4, card.get("probes").size());
        assertEquals(3, card.get("quiz").size());
    }

    @Test
    void errorsAreJsonWithTheRightStatus() throws Exception {
        ServerFixture.Response unknown = server.get("/api/questions/no-such-question");
        assertEquals(404, unknown.status());
        assertTrue(unknown.contentType().startsWith("application/json"));
        assertTrue(unknown.json().get("error").asText().contains("unknown question 'no-such-question'"));
        assertEquals(404, server.get("/api/attempts/nope").status());
        assertEquals("no attempt nope", server.get("/api/attempts/nope").json().get("error").asText());
        assertEquals(404, server.call("DELETE", "/api/attempts/nope").status());
        assertEquals(404, server.call("POST", "/api/attempts/nope/rescore").status());
        assertEquals(404, server.get("/api/attempts/nope/audio").status());
        ServerFixture.Response noRoute = server.get("/api/nothing-here");
        assertEquals(404, noRoute.status());
        assertTrue(noRoute.json().get("error").asText().contains("no such endpoint"));
    }

    @Test
    void aDamagedStoredTranscriptIsOneLineWithNoInternals() throws Exception {
        LiveClient client = LiveClient.connect(server.port());
        client.send(AnswerSocketTest.START);
        String id = client.await("ready").get("attemptId").asText();
        client.send(new byte[3200], 0, 3200);
        client.socket.abort();
        for (int i = 0; i < 100 && !server.get("/api/attempts/" + id).json().get("status").asText().equals("incomplete"); i++) {
            Thread.sleep(50);
        }
        try (java.sql.Connection db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + data.resolve("starpace.db"));
             java.sql.Statement s = db.createStatement()) {
            s.execute("UPDATE attempts SET transcript = '{not json' WHERE id = '" + id + "'");
        }
        ServerFixture.Response r = server.get("/api/attempts/" + id);
        assertEquals(503, r.status());
        assertEquals("the stored transcript of attempt " + id + " is damaged", r.json().get("error").asText());
        FaultTest.assertNoInternals(r.json().toString());
        assertEquals(200, server.get("/api/attempts").status(), "the list still answers");
    }

    @Test
    void servesTheWebAppAndBindsToLocalhost() throws Exception {
        ServerFixture.Response page = server.get("/");
        assertEquals(200, page.status());
        assertTrue(new String(page.body()).contains("<main id=\"app\""));
        assertEquals(200, server.get("/capture-worklet.js").status());
        assertEquals(StarPaceServer.DEFAULT_HOST, "127.0.0.1");
    }
}
