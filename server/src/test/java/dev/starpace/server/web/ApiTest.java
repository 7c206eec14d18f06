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
        assertEquals("That attempt is not in your history: it may have been deleted.", server.get("/api/attempts/nope").json().get("error").asText());
        assertEquals(404, server.call("DELETE", "/api/attempts/nope").status());
        assertEquals(404, server.call("POST", "/api/attempts/nope/rescore").status());
        assertEquals(404, server.get("/api/attempts/nope/audio").status());
        ServerFixture.Response noRoute = server.get("/api/nothing-here");
        assertEquals(404, noRoute.status());
        assertTrue(noRoute.json().get("error").asText().contains("no such endpoint"));
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
