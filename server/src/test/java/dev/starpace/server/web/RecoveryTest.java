package dev.starpace.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.starpace.server.Fixtures;
import dev.starpace.server.store.AnswerRecorder;
import dev.starpace.server.store.Attempt;
import dev.starpace.server.store.AttemptStore;
import dev.starpace.engine.Level;
import dev.starpace.engine.Phase;
import dev.starpace.engine.ScoredTranscript;
import dev.starpace.engine.transcript.Word;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Attempts with audio but no words, as a crash leaves them: transcribed from the stored audio. */
class RecoveryTest {
    @TempDir
    Path data;

    private static String storeAudioOnly(AttemptStore store, String status) throws Exception {
        byte[] pcm = Fixtures.pcm("seed-weak");
        Attempt a = store.start("customer-obsession-above-and-beyond", "sde2", "practice");
        for (int at = 0, seq = 0; at < pcm.length; at += AnswerRecorder.STORE_BYTES, seq++) {
            byte[] chunk = java.util.Arrays.copyOfRange(pcm, at, Math.min(pcm.length, at + AnswerRecorder.STORE_BYTES));
            store.appendAudio(a.id(), seq, chunk, chunk.length);
        }
        if (!status.equals(Attempt.RECORDING)) {
            store.finish(a.id(), status, null);
        }
        return a.id();
    }

    @Test
    void anAttemptLeftRecordingIsTranscribedFromItsAudioAtStartup() throws Exception {
        String id;
        try (AttemptStore store = AttemptStore.open(data)) {
            id = storeAudioOnly(store, Attempt.RECORDING);
        }
        try (ServerFixture server = new ServerFixture(data)) {
            assertTrue(server.server.recoveredSummary().startsWith("recovered 1 attempt(s)"), server.server.recoveredSummary());
            JsonNode attempt = server.get("/api/attempts/" + id).json();
            assertEquals(Attempt.INCOMPLETE, attempt.get("status").asText());
            assertTrue(attempt.get("transcript").get("words").size() > 40, attempt.toString());
        }
    }

    @Test
    void anAttemptLeftRecordingWithWordsIsLabelledAsItsReportWouldBe() throws Exception {
        List<Word> words = Fixtures.analysed("seed-strong").transcript().words().stream()
            .map(w -> new Word(w.word(), w.start(), w.end(), w.conf())).toList();
        String id;
        try (AttemptStore store = AttemptStore.open(data)) {
            id = store.start("customer-obsession-above-and-beyond", "sde2", "practice").id();
            store.appendHeard(id, 0, Fixtures.pcm("seed-strong"), 0, words);
        }
        List<Phase> reported = Fixtures.ANALYZER.analyze(words, "customer-obsession-above-and-beyond", Level.SDE2)
            .words().stream().map(ScoredTranscript.ScoredWord::phase).toList();
        try (ServerFixture server = new ServerFixture(data)) {
            List<Phase> recovered = new ArrayList<>();
            server.get("/api/attempts/" + id).json().get("transcript").get("words")
                .forEach(w -> recovered.add(Phase.parse(w.get("phase").asText())));
            assertEquals(reported, recovered, "the learned segmenter labels a recovered answer, as it labels any other");
        }
    }

    @Test
    void rescoringAnAttemptWithAudioButNoWordsTranscribesTheAudio() throws Exception {
        String id;
        try (AttemptStore store = AttemptStore.open(data)) {
            id = storeAudioOnly(store, Attempt.INCOMPLETE);
        }
        try (ServerFixture server = new ServerFixture(data)) {
            assertEquals(null, server.server.recoveredSummary(), "nothing was left recording");
            assertTrue(server.get("/api/attempts/" + id).json().path("transcript").isMissingNode());
            ServerFixture.Response rescored = server.call("POST", "/api/attempts/" + id + "/rescore");
            assertEquals(200, rescored.status(), rescored.json() == null ? "" : rescored.json().toString());
            assertTrue(rescored.json().get("transcript").get("words").size() > 40);
            assertTrue(rescored.json().get("score").asInt() > 0);
        }
    }

    @Test
    void aPhraseOpenWhenTheServerDiedIsTranscribedFromItsStoredAudio() throws Exception {
        List<Word> all = Fixtures.analysed("seed-strong").transcript().words().stream()
            .map(w -> new Word(w.word(), w.start(), w.end(), w.conf())).toList();
        double half = all.get(all.size() - 1).end() / 2;
        // the crash came mid-phrase: the audio is stored to the end, the words only of the phrases finalised before
        List<Word> stored = all.stream().filter(w -> w.end() < half).toList();
        String id;
        try (AttemptStore store = AttemptStore.open(data)) {
            id = store.start("customer-obsession-above-and-beyond", "sde2", "practice").id();
            store.appendHeard(id, 0, Fixtures.pcm("seed-strong"), 0, stored);
        }
        try (ServerFixture server = new ServerFixture(data)) {
            int recovered = server.get("/api/attempts/" + id).json().get("transcript").get("words").size();
            assertTrue(recovered >= all.size() - 2, recovered + " of " + all.size() + " words recovered (" + stored.size() + " stored)");
        }
        try (AttemptStore store = AttemptStore.open(data)) {
            assertTrue(store.words(id).size() >= all.size() - 2, "the transcribed words are stored too, for a later re-score");
        }
    }

    @Test
    void aRescoreOfAnAnswerStillBeingRecordedIsRefusedAndTheAnswerEndsWhole() throws Exception {
        byte[] pcm = Fixtures.pcm("seed-weak");
        try (ServerFixture server = new ServerFixture(data)) {
            LiveClient client = LiveClient.connect(server.port());
            client.send(AnswerSocketTest.START);
            String id = client.await("ready").get("attemptId").asText();
            int half = pcm.length / 2 / AnswerSocketTest.FRAME * AnswerSocketTest.FRAME;
            for (int at = 0; at < half; at += AnswerSocketTest.FRAME) {
                client.send(pcm, at, at + AnswerSocketTest.FRAME);
            }
            client.awaitWords(10);
            ServerFixture.Response refused = server.call("POST", "/api/attempts/" + id + "/rescore");
            assertEquals(409, refused.status());
            assertTrue(refused.json().get("error").asText().contains("still being recorded"), refused.json().toString());
            for (int at = half; at < pcm.length; at += AnswerSocketTest.FRAME) {
                client.send(pcm, at, Math.min(pcm.length, at + AnswerSocketTest.FRAME));
            }
            client.send("{\"type\":\"stop\"}");
            assertEquals(1000, client.awaitClose());
            JsonNode attempt = server.get("/api/attempts/" + id).json();
            assertEquals(Attempt.COMPLETE, attempt.get("status").asText());
            assertEquals(client.last("scored").get("transcript").get("words").size(), attempt.get("transcript").get("words").size());
        }
    }

    @Test
    void anAttemptWhoseCardIsGoneIsSaidToBeSoNotToHaveNoWords() throws Exception {
        List<Word> words = Fixtures.analysed("seed-weak").transcript().words().stream()
            .map(w -> new Word(w.word(), w.start(), w.end(), w.conf())).toList();
        try (AttemptStore store = AttemptStore.open(data)) {
            String id = store.start("a-card-since-removed", "sde2", "practice").id();
            store.appendHeard(id, 0, Fixtures.pcm("seed-weak"), 0, words);
        }
        try (ServerFixture server = new ServerFixture(data)) {
            String summary = server.server.recoveredSummary();
            assertTrue(summary.contains("0 with no words") && summary.contains("1 kept unscored as their question's card is gone"), summary);
        }
    }

    @Test
    void oneDamagedTranscriptLeavesTheRestOfTheQuestionsProgress() throws Exception {
        String damaged;
        try (AttemptStore store = AttemptStore.open(data)) {
            ScoredTranscript t = Fixtures.analysed("seed-weak").transcript();
            store.keep("customer-obsession-above-and-beyond", "sde2", "practice", t);
            damaged = store.keep("customer-obsession-above-and-beyond", "sde2", "practice", t).id();
        }
        try (java.sql.Connection db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + data.resolve("starpace.db"));
             java.sql.PreparedStatement st = db.prepareStatement("UPDATE attempts SET transcript = '{\"words\": [' WHERE id = ?")) {
            st.setString(1, damaged);
            st.executeUpdate();
        }
        try (ServerFixture server = new ServerFixture(data)) {
            ServerFixture.Response progress = server.get("/api/questions/customer-obsession-above-and-beyond/progress");
            assertEquals(200, progress.status());
            assertEquals(1, progress.json().size(), "the sound take is shown, the damaged one left out: " + progress.json());
        }
    }
}
