package dev.starpace.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.starpace.server.Fixtures;
import dev.starpace.server.audio.NoisyAudio;
import dev.starpace.server.store.Attempt;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The live protocol over a real WebSocket, with a fixture streamed in real-time-sized chunks. */
class AnswerSocketTest extends ServerTest {
    /** 100 ms of 16 kHz 16-bit audio, the frame the browser sends. */
    static final int FRAME = 3200;
    static final String START = "{\"type\":\"start\",\"question\":\"customer-obsession-above-and-beyond\",\"level\":\"sde2\","
        + "\"mode\":\"practice\",\"sampleRate\":16000}";


    @Test
    void anAnswerStreamsEventsAndIsStored() throws Exception {
        byte[] pcm = Fixtures.pcm("seed-weak");
        LiveClient client = answered(pcm);

        List<String> types = client.types();
        assertEquals("ready", types.get(0));
        assertEquals("scored", types.get(types.size() - 1));
        assertTrue(types.contains("partial") && types.contains("words") && types.contains("timers"), types.toString());
        JsonNode words = client.events.stream().filter(e -> e.path("type").asText().equals("words")).findFirst().orElseThrow();
        assertTrue(words.get("words").get(0).has("phase"), words.toString());
        JsonNode timers = client.last("timers");
        assertEquals(5, timers.get("phases").size());
        assertTrue(timers.get("phases").get(0).get("targetSeconds").asDouble() > 0);

        String id = client.last("scored").get("attemptId").asText();
        JsonNode scored = client.last("scored").get("transcript");
        assertTrue(scored.get("words").size() > 40);
        JsonNode stored = server.get("/api/attempts/" + id).json();
        assertEquals(Attempt.COMPLETE, stored.get("status").asText());
        assertEquals(scored.get("score").get("total").asInt(), stored.get("score").asInt());
        assertEquals(1, server.get("/api/attempts").json().size());
        ServerFixture.Response audio = server.get("/api/attempts/" + id + "/audio");
        assertEquals("audio/wav", audio.contentType());
        assertEquals(44 + pcm.length, audio.body().length, "every byte heard is stored");

        ServerFixture.Response rescored = server.call("POST", "/api/attempts/" + id + "/rescore");
        assertEquals(200, rescored.status());
        assertEquals(stored.get("score").asInt(), rescored.json().get("score").asInt(), "same bank, same rules, same score");
        assertEquals(204, server.call("DELETE", "/api/attempts/" + id).status());
        assertEquals(404, server.get("/api/attempts/" + id).status());
    }

    /** A whole answer streamed in the browser's 100 ms frames, stopped, and closed by the server. */
    private LiveClient answered(byte[] pcm) throws Exception {
        LiveClient client = LiveClient.connect(server.port());
        client.send(START);
        for (int at = 0; at < pcm.length; at += FRAME) {
            client.send(pcm, at, Math.min(pcm.length, at + FRAME));
        }
        client.send("{\"type\":\"stop\"}");
        assertEquals(1000, client.awaitClose());
        return client;
    }

    @Test
    void aNoisyRecordingIsWarnedOfWhileRecordingAndInTheReport() throws Exception {
        byte[] pcm = NoisyAudio.withWhiteNoise(Fixtures.audio("seed-weak"), 14, 11).toPcm16();
        LiveClient client = answered(pcm);

        List<String> types = client.types();
        int warned = types.indexOf("quality");
        assertTrue(warned > 0 && warned < types.indexOf("scored"), "a warning while recording: " + types);
        JsonNode quality = client.events.get(warned);
        assertEquals("noisy", quality.get("problems").get(0).asText(), quality.toString());
        assertTrue(quality.get("summary").asText().endsWith("dB: results less certain"), quality.toString());
        JsonNode report = client.last("scored").get("transcript").get("delivery").get("audio").get("quality");
        assertTrue(report.get("summary").asText().matches("noisy recording, 1[345] dB: results less certain"), report.toString());
    }

    @Test
    void aFollowUpAnswerIsJudgedAgainstTheCardsWeakAndStrongAnswers() throws Exception {
        byte[] pcm = Fixtures.pcm("seed-weak");
        LiveClient client = LiveClient.connect(server.port());
        client.send(START.replace("\"practice\"", "\"probe\",\"probe\":0"));
        for (int at = 0; at < pcm.length; at += FRAME) {
            client.send(pcm, at, Math.min(pcm.length, at + FRAME));
        }
        client.send("{\"type\":\"stop\"}");
        assertEquals(1000, client.awaitClose());
        JsonNode verdict = client.last("probe").get("verdict");
        assertEquals("weak", verdict.get("verdict").asText(), verdict.toString());
        assertTrue(verdict.get("reasons").get(0).asText().startsWith("Hands the problem off"), verdict.toString());
        assertEquals("I brought a solution, not just a problem.", verdict.get("keyLine").asText());
        assertEquals(0, server.get("/api/attempts").json().size(), "a follow-up answer is judged, not stored as an attempt");
    }

    @Test
    void aFollowUpNamingItsMockInterviewIsKeptWithIt() throws Exception {
        String interview;
        try (Seeds seeds = new Seeds(data)) {
            interview = seeds.written(CandidateDefectsTest.ONE_GAP);
        }
        byte[] pcm = Fixtures.pcm("seed-weak");
        for (int take = 0; take < 2; take++) {
            LiveClient client = LiveClient.connect(server.port());
            client.send(START.replace("\"practice\"", "\"probe\",\"probe\":1,\"attemptId\":\"" + interview + "\""));
            for (int at = 0; at < pcm.length; at += FRAME) {
                client.send(pcm, at, Math.min(pcm.length, at + FRAME));
            }
            client.send("{\"type\":\"stop\"}");
            assertEquals(1000, client.awaitClose());
        }
        JsonNode followUps = server.get("/api/attempts/" + interview).json().get("followUps");
        assertEquals(1, followUps.size(), "answering the same follow-up again replaces it: " + followUps);
        assertEquals(1, followUps.get(0).get("probe").asInt());
        assertTrue(followUps.get(0).get("answer").asText().contains("platform team"), followUps.toString());
        assertEquals("weak", followUps.get(0).get("verdict").get("verdict").asText());

        LiveClient stranger = LiveClient.connect(server.port());
        stranger.send(START.replace("\"practice\"", "\"probe\",\"probe\":1,\"attemptId\":\"no-such-attempt\""));
        assertEquals(1008, stranger.awaitClose());
        assertEquals("bad-start", stranger.last("error").get("code").asText());
    }

    @Test
    void aFollowUpWhoseInterviewIsDeletedMeanwhileIsStillJudged() throws Exception {
        String interview;
        try (Seeds seeds = new Seeds(data)) {
            interview = seeds.written(CandidateDefectsTest.ONE_GAP);
        }
        byte[] pcm = Fixtures.pcm("seed-weak");
        LiveClient client = LiveClient.connect(server.port());
        client.send(START.replace("\"practice\"", "\"probe\",\"probe\":1,\"attemptId\":\"" + interview + "\""));
        client.await("ready");
        assertEquals(204, server.call("DELETE", "/api/attempts/" + interview).status());
        int part = Math.min(pcm.length, 20 * 32_000) / FRAME * FRAME;
        for (int at = 0; at < part; at += FRAME) {
            client.send(pcm, at, at + FRAME);
        }
        client.send("{\"type\":\"stop\"}");
        assertEquals(1000, client.awaitClose());
        JsonNode error = client.last("error");
        assertEquals("storage", error.get("code").asText(), client.events.toString());
        assertTrue(error.get("message").asText().contains("the attempt was deleted"), error.toString());
        assertEquals("probe", client.types().get(client.types().size() - 1), "the verdict still comes: " + client.types());
        assertEquals(404, server.get("/api/attempts/" + interview).status());
    }

    @Test
    void aDroppedSocketKeepsWhatWasHeardAsIncomplete() throws Exception {
        byte[] pcm = Fixtures.pcm("seed-weak");
        LiveClient client = LiveClient.connect(server.port());
        client.send(START);
        int half = pcm.length / 2 / FRAME * FRAME;
        for (int at = 0; at < half; at += FRAME) {
            client.send(pcm, at, at + FRAME);
        }
        // wait until the server has heard some words, then drop the connection without a stop
        for (int i = 0; i < 200 && client.events.stream().filter(e -> e.path("type").asText().equals("words"))
            .mapToInt(e -> e.get("words").size()).sum() < 10; i++) {
            Thread.sleep(50);
        }
        client.socket.abort();
        JsonNode attempt = null;
        for (int i = 0; i < 100; i++) {
            JsonNode list = server.get("/api/attempts").json();
            assertTrue(list.isArray(), list.toString());
            if (list.size() == 1 && list.get(0).get("status").asText().equals(Attempt.INCOMPLETE)) {
                attempt = server.get("/api/attempts/" + list.get(0).get("id").asText()).json();
                break;
            }
            Thread.sleep(100);
        }
        assertTrue(attempt != null, "the attempt is saved as incomplete");
        assertTrue(attempt.get("transcript").get("words").size() > 10, "the words heard before the drop are kept");
        int stored = server.get("/api/attempts/" + attempt.get("id").asText() + "/audio").body().length - 44;
        double lastWord = attempt.get("transcript").get("words").get(attempt.get("transcript").get("words").size() - 1).get("end").asDouble();
        assertTrue(stored >= lastWord * 32_000 && stored <= half, "the audio up to the drop is stored: " + stored + " bytes");
    }

    @Test
    void silenceEndsWithNoSpeechAndKeepsNothing() throws Exception {
        LiveClient client = LiveClient.connect(server.port());
        client.send(START);
        byte[] silence = new byte[FRAME];
        for (int i = 0; i < 20; i++) {
            client.send(silence, 0, FRAME);
        }
        client.send("{\"type\":\"stop\"}");
        assertEquals(1000, client.awaitClose());
        assertEquals("no-speech", client.last("error").get("code").asText());
        assertEquals(0, server.get("/api/attempts").json().size(), "an answer with no word heard is not kept");
    }

    @Test
    void eachBadInputGetsAnErrorEventAndACleanClose() throws Exception {
        assertRefused(c -> c.send("{not json"), "bad-start", 1008);
        assertRefused(c -> c.send("{\"type\":\"hello\"}"), "bad-start", 1008);
        assertRefused(c -> c.send(new byte[FRAME], 0, FRAME), "binary-before-start", 1008);
        assertRefused(c -> c.send(START.replace("customer-obsession-above-and-beyond", "no-such-card")), "unknown-question", 1008);
        assertRefused(c -> c.send(START.replace("16000", "44100")), "bad-sample-rate", 1008);
        // not rounded down to 16000: a client that thinks it sends 16000.7 Hz sends something else
        assertRefused(c -> c.send(START.replace("16000", "16000.7")), "bad-start", 1008);
        assertRefused(c -> c.send(START.replace("practice", "karaoke")), "bad-start", 1008);
        assertRefused(c -> {
            c.send(START);
            c.send("hello there");
        }, "text-not-binary", 1003);
        assertRefused(c -> {
            c.send(START);
            c.send(new byte[100_000], 0, 100_000);
        }, "frame-too-large", 1009);
        assertRefused(c -> {
            c.send(START);
            c.send(new byte[101], 0, 101);
        }, "bad-frame", 1003);

        LiveClient foreign = LiveClient.connect(server.port(), "http://evil.example");
        assertEquals(1008, foreign.awaitClose());
        assertEquals("origin", foreign.last("error").get("code").asText());

        assertEquals(200, server.get("/api/questions").status(), "the server is still up");
    }

    @Test
    void anAttemptDeletedWhileItStreamsGivesAStorageErrorAndTheAnswerIsStillScored() throws Exception {
        byte[] pcm = Fixtures.pcm("seed-weak");
        LiveClient client = LiveClient.connect(server.port());
        client.send(START);
        String id = client.await("ready").get("attemptId").asText();
        int half = pcm.length / 2 / FRAME * FRAME;
        for (int at = 0; at < half; at += FRAME) {
            client.send(pcm, at, at + FRAME);
        }
        client.awaitWords(5);
        assertEquals(204, server.call("DELETE", "/api/attempts/" + id).status());
        for (int at = half; at < pcm.length; at += FRAME) {
            client.send(pcm, at, Math.min(pcm.length, at + FRAME));
        }
        client.send("{\"type\":\"stop\"}");
        assertEquals(1000, client.awaitClose());
        JsonNode error = client.last("error");
        assertEquals("storage", error.get("code").asText(), error.toString());
        assertTrue(error.get("message").asText().contains("the attempt was deleted"), error.toString());
        FaultTest.assertNoInternals(error.toString());
        JsonNode scored = client.last("scored");
        assertTrue(scored.get("transcript").get("words").size() > 40, "the whole answer is scored and sent");
        assertTrue(scored.get("attemptId").isNull(), "it is not kept: " + scored.get("attemptId"));
        assertEquals(0, server.get("/api/attempts").json().size(), "no attempt comes back from the dead");
        ServerFixture.Response again = server.call("DELETE", "/api/attempts/" + id);
        assertEquals(404, again.status());
        FaultTest.assertNoInternals(again.json().toString());
    }

    @Test
    void aStartWithNothingAfterItLeavesNoAttempt() throws Exception {
        LiveClient client = LiveClient.connect(server.port());
        client.send(START);
        client.await("ready");
        client.socket.sendClose(1000, "changed my mind").join();
        client.awaitClose();
        for (int i = 0; i < 100 && server.get("/api/attempts").json().size() > 0; i++) {
            Thread.sleep(50);
        }
        assertEquals(0, server.get("/api/attempts").json().size());
    }

    @Test
    void badStartsAreNamedAndNothingInternalLeaks() throws Exception {
        assertRefused(c -> c.send("null"), "bad-start", 1008);
        LiveClient unknown = refused(c -> c.send(START.replace("\"mode\"", "\"colour\":\"blue\",\"mode\"")), "bad-start", 1008);
        assertTrue(unknown.last("error").get("message").asText().contains("unknown field 'colour'"), unknown.events.toString());
        LiveClient typed = refused(c -> c.send(START.replace("\"practice\"", "\"probe\",\"probe\":\"first\"")), "bad-start", 1008);
        assertTrue(typed.last("error").get("message").asText().contains("field 'probe'"), typed.events.toString());
        String longId = "q".repeat(60_000);
        LiveClient huge = refused(c -> c.send(START.replace("customer-obsession-above-and-beyond", longId)), "unknown-question", 1008);
        assertTrue(huge.last("error").toString().length() < 2_000, "60 KB ids are not echoed: " + huge.last("error").toString().length());
        LiveClient level = refused(c -> c.send(START.replace("sde2", "l".repeat(60_000))), "bad-start", 1008);
        assertTrue(level.last("error").toString().length() < 500);
        for (LiveClient c : List.of(unknown, typed, huge, level)) {
            FaultTest.assertNoInternals(c.events.toString() + c.closeReason);
        }
        ServerFixture.Response missing = server.get("/api/attempts/" + longId.substring(0, 6_000));
        assertEquals(404, missing.status());
        assertTrue(missing.json().get("error").asText().length() < 200, "the id is not echoed whole");
        assertEquals(200, server.get("/api/questions").status(), "the server is still up");
    }

    interface Action {
        void run(LiveClient client) throws Exception;
    }

    private void assertRefused(Action action, String code, int closeCode) throws Exception {
        refused(action, code, closeCode);
    }

    private LiveClient refused(Action action, String code, int closeCode) throws Exception {
        LiveClient client = LiveClient.connect(server.port());
        action.run(client);
        assertEquals(closeCode, client.awaitClose(), code);
        JsonNode error = client.last("error");
        assertEquals(code, error.get("code").asText(), error.toString());
        assertTrue(error.get("message").asText().length() > 10, error.toString());
        assertEquals(code, client.closeReason, "the close reason is the error code");
        return client;
    }
}
