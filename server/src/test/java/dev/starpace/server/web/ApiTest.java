package dev.starpace.server.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
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

    @Test
    void theRecordingIsServedWithItsLengthAndInRanges() throws Exception {
        String id;
        try (Seeds seeds = new Seeds(data)) {
            id = seeds.spoken("seed-weak");
        }
        HttpClient http = HttpClient.newHttpClient();
        URI audio = URI.create("http://127.0.0.1:" + server.port() + "/api/attempts/" + id + "/audio");
        HttpResponse<byte[]> whole = http.send(HttpRequest.newBuilder(audio).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, whole.statusCode());
        assertEquals(String.valueOf(whole.body().length), whole.headers().firstValue("Content-Length").orElse("none"));
        assertEquals("bytes", whole.headers().firstValue("Accept-Ranges").orElse(""));
        HttpResponse<byte[]> part = http.send(HttpRequest.newBuilder(audio).header("Range", "bytes=100-199").build(),
            HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(206, part.statusCode());
        assertEquals("bytes 100-199/" + whole.body().length, part.headers().firstValue("Content-Range").orElse(""));
        assertArrayEquals(Arrays.copyOfRange(whole.body(), 100, 200), part.body());
        HttpResponse<byte[]> tail = http.send(HttpRequest.newBuilder(audio).header("Range", "bytes=-10").build(),
            HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(10, tail.body().length);
        HttpResponse<byte[]> beyond = http.send(HttpRequest.newBuilder(audio).header("Range", "bytes=99999999-").build(),
            HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(416, beyond.statusCode());
    }

    /** RFC 9110 14.1.1: bytes=500-100 is invalid, not unsatisfiable; a server ignores it and sends the whole body. */
    @Test
    void anInvalidRangeIsIgnoredAndTheWholeRecordingServed() throws Exception {
        String id;
        try (Seeds seeds = new Seeds(data)) {
            id = seeds.spoken("seed-weak");
        }
        HttpClient http = HttpClient.newHttpClient();
        URI audio = URI.create("http://127.0.0.1:" + server.port() + "/api/attempts/" + id + "/audio");
        byte[] whole = http.send(HttpRequest.newBuilder(audio).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
        for (String invalid : new String[] {"bytes=500-100", "bytes=99999999-100"}) {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(audio).header("Range", invalid).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, r.statusCode(), invalid);
            assertArrayEquals(whole, r.body(), invalid);
            assertTrue(r.headers().firstValue("Content-Range").isEmpty(), invalid);
        }
    }

    /** 200,000 pasted words held a core for a minute: an answer past the limits is refused before any analysis, naming the limit. */
    @Test
    void aWrittenAnswerPastItsLimitsIsTooLargeAndSaysWhichLimit() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI written = URI.create("http://127.0.0.1:" + server.port() + "/api/attempts/written");
        java.util.function.Function<String, HttpResponse<String>> send = text -> {
            // the server may answer an oversized upload and close before the client has sent all of it (HTTP/1.1 allows
            // it), and then this client sometimes reads no response: send again, up to three times, as a browser would
            for (int attempt = 1; ; attempt++) {
                try {
                    String body = new ObjectMapper().writeValueAsString(java.util.Map.of("question", "customer-obsession-above-and-beyond", "text", text));
                    return http.send(HttpRequest.newBuilder(written).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                } catch (java.io.IOException e) {
                    if (attempt == 3) {
                        throw new IllegalStateException(e);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        HttpResponse<String> words = send.apply("I fixed it. ".repeat(2000));
        assertEquals(413, words.statusCode());
        assertEquals("Your answer is too long: 6,000 words, more than the 5,000 a written answer may have.", error(words.body()));
        HttpResponse<String> bytes = send.apply("Incomprehensibilities ".repeat(3000));
        assertEquals(413, bytes.statusCode());
        assertEquals("Your answer is too long: larger than 64 KB, the most a written answer may be.", error(bytes.body()));
        HttpResponse<String> pasted = send.apply("word ".repeat(300_000));
        assertEquals(413, pasted.statusCode());
        assertEquals("The request is larger than 1 MB, the most StarPace reads.", error(pasted.body()), "not 'Send the answer as {...}'");
        HttpResponse<String> chunked = http.send(HttpRequest.newBuilder(written).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(new byte[3_000_000]))).build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(413, chunked.statusCode(), "a body of no stated length is cut off at the limit too");
        assertEquals("The request is larger than 1 MB, the most StarPace reads.", error(chunked.body()));
        assertEquals(0, server.get("/api/attempts").json().size(), "nothing kept");

        HttpResponse<String> longest = send.apply("I fixed it. ".repeat(1600));
        assertEquals(201, longest.statusCode(), "4,800 words, over half an hour of speech, are scored");
    }

    private static String error(String body) throws Exception {
        return new ObjectMapper().readTree(body).get("error").asText();
    }

    @Test
    void aWrittenAnswerIsScoredAndKept() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI written = URI.create("http://127.0.0.1:" + server.port() + "/api/attempts/written");
        String body = new ObjectMapper().writeValueAsString(java.util.Map.of("question", "customer-obsession-above-and-beyond",
            "level", "sde2", "text", CandidateDefectsTest.ONE_GAP));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(written).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(201, r.statusCode(), r.body());
        JsonNode attempt = new ObjectMapper().readTree(r.body());
        assertEquals("written", attempt.get("mode").asText());
        assertEquals("Leaning Hire", attempt.get("transcript").get("verdict").get("decision").asText());
        HttpResponse<String> empty = http.send(HttpRequest.newBuilder(written).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
            "{\"question\":\"customer-obsession-above-and-beyond\",\"text\":\"  \"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, empty.statusCode());
        assertEquals("Write your answer first: there are no words to score.", new ObjectMapper().readTree(empty.body()).get("error").asText());
        assertEquals(400, http.send(HttpRequest.newBuilder(written).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("not json")).build(),
            HttpResponse.BodyHandlers.ofString()).statusCode());

        String id = attempt.get("id").asText();
        JsonNode probes = server.get("/api/attempts/" + id + "/probes").json();
        assertTrue(probes.size() >= 1 && probes.size() <= 5, probes.toString());
        assertEquals(1, server.get("/api/questions/customer-obsession-above-and-beyond/progress").json().size());
        assertEquals(404, server.get("/api/questions/nope/progress").status());
        assertTrue(new String(server.get("/api/attempts/" + id + "/report.html").body()).contains("Leaning Hire"));
    }
}
