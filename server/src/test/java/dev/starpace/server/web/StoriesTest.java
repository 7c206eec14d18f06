package dev.starpace.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The story bank's routes over real HTTP: what a bad story or link gets back, and a story reused across LPs. */
class StoriesTest extends ServerTest {

    @Test
    void aStoryIsListedForEachLpItAnswersAndBadInputGetsOneClearLine() throws Exception {
        ServerFixture.Response kept = server.post("/api/stories",
            "{\"title\": \" A rollout I paused \", \"notes\": \"\", \"lps\": [\"Have Backbone\", \"Earn Trust\", \"Earn Trust\"]}");
        assertEquals(201, kept.status(), new String(kept.body()));
        String id = kept.json().get("id").asText();
        assertEquals("A rollout I paused", kept.json().get("title").asText());
        assertEquals(2, kept.json().get("lps").size(), "each LP once");
        assertEquals(1, server.get("/api/stories?lp=earn%20trust").json().size());
        assertEquals(0, server.get("/api/stories?lp=Frugality").json().size());

        assertBad(400, "Give the story a title.", "{\"title\": \" \", \"lps\": [\"Ownership\"]}");
        assertBad(400, "Pick at least one Leadership Principle the story can answer.", "{\"title\": \"A title\", \"lps\": []}");
        assertBad(413, "The notes are too long: at most 2000 characters.",
            "{\"title\": \"A title\", \"notes\": \"" + "n".repeat(2001) + "\", \"lps\": [\"Ownership\"]}");
        assertBad(400, "Send the story as {\"title\": \"...\", \"notes\": \"...\", \"lps\": [\"Ownership\"]}.", "[1, 2");

        assertEquals(404, server.send("PUT", "/api/attempts/nope/story", "{\"story\": \"" + id + "\"}").status());
        assertEquals(404, server.call("DELETE", "/api/stories/story-nope").status());
        assertEquals(204, server.call("DELETE", "/api/stories/" + id).status());
        assertEquals(0, server.get("/api/stories").json().size());
    }

    private void assertBad(int status, String line, String body) throws Exception {
        ServerFixture.Response r = server.post("/api/stories", body);
        assertEquals(status, r.status(), new String(r.body()));
        assertEquals(line, r.json().get("error").asText());
    }
}
