package dev.starpace.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starpace.engine.Level;
import dev.starpace.engine.bank.OwnQuestion;
import dev.starpace.engine.bank.Story;
import dev.starpace.engine.ScoredTranscript;
import dev.starpace.engine.probe.ProbeVerdict;
import dev.starpace.engine.transcript.Word;
import dev.starpace.server.Fixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every attempt store promises, whatever database is under it: each store's test class runs these on a real
 * database of its kind (SqliteStoreContractTest, PostgresStoreContractTest).
 */
abstract class AttemptStoreContract {
    static final String Q = "dive-deep";
    AttemptStore store;

    /** A new, empty store of the kind under test. */
    abstract AttemptStore open() throws Exception;

    @BeforeEach
    void openStore() throws Exception {
        store = open();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void anAttemptIsStartedRecordingAndFinishedWithItsTranscript() {
        Attempt a = store.start("ana", Q, "sde2", "practice");
        assertEquals(Attempt.RECORDING, a.status());
        assertEquals(List.of(a.id()), store.recording().stream().map(Attempt::id).toList());
        List<Word> words = words("i", "dug", "into", "the", "logs");
        store.appendHeard(a.id(), 0, pcm(32_000, 1), 0, words);
        ScoredTranscript t = Fixtures.ANALYZER.analyze(words, Q, Level.SDE2);
        store.finish(a.id(), Attempt.COMPLETE, t);

        Attempt kept = store.get(a.id()).orElseThrow();
        assertEquals("ana", kept.owner());
        assertEquals(Attempt.COMPLETE, kept.status());
        assertEquals(t.score().total(), kept.score());
        assertEquals(t.durationSeconds(), kept.durationSeconds(), 1e-9);
        assertEquals(t.words().size(), kept.transcript().words().size(), "the scored transcript comes back whole");
        assertNull(kept.followUps());
        assertTrue(store.recording().isEmpty());
    }

    @Test
    void wordsAndAudioComeBackInTheOrderHeard() {
        Attempt a = store.start("ana", Q, "sde2", "practice");
        byte[] first = pcm(32_000, 1);
        byte[] second = pcm(16_000, 2);
        store.appendHeard(a.id(), 0, first, 0, words("i", "led"));
        store.appendHeard(a.id(), 1, second, 2, List.of(new Word("it", 1.0, 1.2, 0.37)));
        store.appendAudio(a.id(), 2, pcm(100, 3), 10);
        assertEquals(List.of("i", "led", "it"), store.words(a.id()).stream().map(Word::word).toList());
        assertEquals(0.37, store.words(a.id()).get(2).conf(), 1e-9, "the recognizer's confidence is kept");
        assertEquals(1.2, store.words(a.id()).get(2).end(), 1e-9);
        assertEquals(3, store.audioChunks(a.id()));
        byte[] pcm = store.pcm(a.id());
        assertEquals(32_000 + 16_000 + 10, pcm.length);
        assertEquals(1, pcm[0]);
        assertEquals(2, pcm[32_000]);
        assertEquals(3, pcm[48_000]);
        byte[] wav = store.audio(a.id()).orElseThrow();
        assertEquals(44 + pcm.length, wav.length, "a WAV header and the audio");
        assertEquals("RIFF", new String(wav, 0, 4));
        assertTrue(store.audio("no-such-attempt").isEmpty());
        assertEquals(0, store.audioChunks("no-such-attempt"));
    }

    /** One transaction per phrase: a write that fails part-way stores neither its audio nor its words. */
    @Test
    void aPhraseIsStoredWholeOrNotAtAll() {
        Attempt a = store.start("ana", Q, "sde2", "practice");
        store.appendHeard(a.id(), 0, pcm(100, 1), 0, words("i"));
        // audio piece 1 is new, but word 0 is already stored: the insert of the words fails after the audio's
        StorageException e = assertThrows(StorageException.class,
            () -> store.appendHeard(a.id(), 1, pcm(100, 2), 0, words("again")));
        assertOneLine(e);
        assertEquals(1, store.audioChunks(a.id()), "the audio of the failed write was rolled back");
        assertEquals(List.of("i"), store.words(a.id()).stream().map(Word::word).toList());
        store.appendHeard(a.id(), 1, pcm(100, 2), 1, words("led"));
        assertEquals(2, store.audioChunks(a.id()), "the store goes on after a failed write");
    }

    @Test
    void writingToADeletedAttemptSaysSoInOneLine() {
        Attempt a = store.start("ana", Q, "sde2", "practice");
        assertTrue(store.delete(a.id()));
        StorageException e = assertThrows(StorageException.class, () -> store.appendHeard(a.id(), 0, pcm(10, 1), 0, words("i")));
        assertEquals("cannot write to the attempt database: the attempt was deleted", e.getMessage());
        assertFalse(e.busy());
    }

    @Test
    void eachOwnerListsOnlyTheirAttemptsNewestFirst() throws Exception {
        Attempt first = store.start("ana", Q, "sde2", "practice");
        Thread.sleep(5);
        Attempt other = store.start("ana", "ownership", "sde2", "practice");
        Thread.sleep(5);
        Attempt latest = store.keep("ana", Q, "senior", Attempt.WRITTEN,
            Fixtures.ANALYZER.analyze(words("i", "fixed", "it"), Q, Level.SENIOR));
        Attempt bens = store.start("ben", Q, "sde2", "practice");
        assertEquals(List.of(latest.id(), other.id(), first.id()), ids(store.list("ana", null)));
        assertEquals(List.of(latest.id(), first.id()), ids(store.list("ana", Q)));
        assertEquals(List.of(bens.id()), ids(store.list("ben", null)));
        assertTrue(store.list("cho", null).isEmpty());
        Attempt written = store.get(latest.id()).orElseThrow();
        assertEquals(Attempt.COMPLETE, written.status(), "a written answer is kept complete in one insert");
        assertEquals(Attempt.WRITTEN, written.mode());
        assertEquals("senior", written.level());
        assertEquals(0, store.pcm(latest.id()).length);
    }

    @Test
    void followUpsAreKeptInTheOrderLastAnswered() {
        Attempt a = store.start("ana", Q, "sde2", "interview");
        store.saveFollowUp(a.id(), followUp(1, "first try"));
        store.saveFollowUp(a.id(), followUp(0, "another probe"));
        store.saveFollowUp(a.id(), followUp(1, "second try"));
        List<FollowUp> kept = store.get(a.id()).orElseThrow().followUps();
        assertEquals(List.of(0, 1), kept.stream().map(FollowUp::probe).toList(), "a probe answered again moves to the end");
        assertEquals("second try", kept.get(1).answer(), "answering a probe again replaces it");
        assertEquals(ProbeVerdict.MIXED, kept.get(1).verdict().verdict());
    }

    @Test
    void aFollowUpKeepsItsRecordingAndAnAnswerAgainReplacesIt() {
        Attempt a = store.start("ana", Q, "sde2", "mock");
        store.saveFollowUp(a.id(), followUp(0, "first try"), pcm(3200, 7));
        store.saveFollowUp(a.id(), followUp(1, "said nothing aloud"), null);
        List<FollowUp> kept = store.get(a.id()).orElseThrow().followUps();
        assertEquals(List.of(true, false), kept.stream().map(FollowUp::recorded).toList());
        byte[] wav = store.followUpAudio(a.id(), 0).orElseThrow();
        assertEquals(44 + 3200, wav.length, "a WAV header and the recording");
        assertEquals(7, wav[wav.length - 1]);
        assertTrue(store.followUpAudio(a.id(), 1).isEmpty(), "no recording, none served");
        store.saveFollowUp(a.id(), followUp(0, "second try"), pcm(1600, 9));
        assertEquals(44 + 1600, store.followUpAudio(a.id(), 0).orElseThrow().length, "answered again: the new recording only");
        store.delete(a.id());
        assertTrue(store.followUpAudio(a.id(), 0).isEmpty(), "deleted with its interview");
    }

    @Test
    void anInterviewKeepsItsQuestionsInOrderWithTheTakesThatAnsweredThem() {
        Interview i = store.startInterview("ana", "sde1", 30, List.of(Q, "earn-trust", "ownership"));
        store.startInterview("bob", "sde2", 0, List.of(Q));
        Attempt first = store.start("ana", Q, "sde1", "mock");
        Attempt third = store.start("ana", "ownership", "sde1", "mock");
        assertTrue(store.answerInterview(i.id(), 0, first.id()));
        assertTrue(store.answerInterview(i.id(), 2, third.id()));
        assertFalse(store.answerInterview(i.id(), 3, third.id()), "no fourth question");
        Interview kept = store.interview(i.id()).orElseThrow();
        assertEquals(List.of(new Interview.Question(Q, first.id()), new Interview.Question("earn-trust", null),
            new Interview.Question("ownership", third.id())), kept.questions());
        assertEquals(30, kept.thinkingSeconds());
        assertEquals("sde1", kept.level());
        assertEquals(List.of(i.id()), store.interviews("ana").stream().map(Interview::id).toList(), "each owner's own");
        store.delete(first.id());
        assertNull(store.interview(i.id()).orElseThrow().questions().get(0).attemptId(), "a deleted take leaves its question unanswered");
    }

    @Test
    void deletingAnAttemptDeletesItsAudioWordsAndFollowUps() {
        Attempt a = store.start("ana", Q, "sde2", "interview");
        store.appendHeard(a.id(), 0, pcm(100, 1), 0, words("i", "led"));
        store.saveFollowUp(a.id(), followUp(0, "an answer"));
        Attempt kept = store.start("ana", Q, "sde2", "practice");
        store.appendHeard(kept.id(), 0, pcm(100, 1), 0, words("we"));
        assertTrue(store.delete(a.id()));
        assertFalse(store.delete(a.id()), "gone already");
        assertTrue(store.get(a.id()).isEmpty());
        assertTrue(store.words(a.id()).isEmpty());
        assertEquals(0, store.pcm(a.id()).length);
        assertEquals(1, store.words(kept.id()).size(), "the other attempt keeps its own");
    }

    @Test
    void ownQuestionsAreKeptPerOwnerAndDeletedWithTheirTakes() throws Exception {
        OwnQuestion first = new OwnQuestion(OwnQuestion.newId(), "Ownership", Level.SENIOR, "Tell me about a system you adopted.",
            "2026-12-07T10:00:00Z");
        OwnQuestion second = new OwnQuestion(OwnQuestion.newId(), "Dive Deep", Level.SDE1, "When did a metric mislead you?",
            "2026-12-07T11:00:00Z");
        store.saveQuestion("ana", first);
        store.saveQuestion("ana", second);
        store.saveQuestion("bo", new OwnQuestion(OwnQuestion.newId(), "Earn Trust", Level.SDE2, "Someone else's question here.",
            "2026-12-07T12:00:00Z"));
        assertEquals(List.of(second, first), store.questions("ana"), "newest first, only ana's");
        assertEquals(first, store.question(first.id()).orElseThrow());
        Attempt take = store.start("ana", first.id(), "senior", "practice");
        store.appendHeard(take.id(), 0, pcm(100, 1), 0, words("i", "led"));
        Attempt other = store.start("ana", second.id(), "sde1", "practice");
        assertTrue(store.deleteQuestion(first.id()));
        assertFalse(store.deleteQuestion(first.id()), "gone already");
        assertTrue(store.question(first.id()).isEmpty());
        assertTrue(store.get(take.id()).isEmpty(), "its takes go with it");
        assertEquals(0, store.pcm(take.id()).length);
        assertTrue(store.get(other.id()).isPresent(), "another question's take stays");
    }

    @Test
    void aStoryAnswersItsLpsIsToldInTakesOfItsOwnerOnlyAndForgottenWithoutLosingThem() {
        Story story = new Story(Story.newId(), "The migration I paused", "paused at 5 %", List.of("Have Backbone", "Earn Trust"),
            "2026-12-07T10:00:00Z");
        store.saveStory("ana", story);
        assertEquals(List.of(story), store.stories("ana"));
        assertTrue(store.stories("bo").isEmpty());
        Attempt take = store.start("ana", Q, "sde2", "practice");
        Attempt hers = store.start("bo", Q, "sde2", "practice");
        assertTrue(store.tellStory("ana", take.id(), story.id()));
        assertTrue(store.tellStory("ana", take.id(), story.id()), "told again: still one link");
        assertFalse(store.tellStory("bo", hers.id(), story.id()), "not bo's story");
        assertFalse(store.tellStory("bo", take.id(), null), "not bo's take");
        assertEquals(story.id(), store.storyOf(take.id()));
        assertEquals(List.of(take.id()), store.takesOf(story.id()).stream().map(Attempt::id).toList());
        assertFalse(store.deleteStory("bo", story.id()));
        assertTrue(store.deleteStory("ana", story.id()));
        assertNull(store.storyOf(take.id()));
        assertTrue(store.get(take.id()).isPresent(), "the take stays");
    }

    @Test
    void aStartWithNoAudioIsDeletedAndOneWithAudioIsNot() {
        Attempt silent = store.start("ana", Q, "sde2", "practice");
        Attempt heard = store.start("ana", Q, "sde2", "practice");
        store.appendAudio(heard.id(), 0, pcm(100, 1), 100);
        assertTrue(store.deleteIfSilent(silent.id()));
        assertFalse(store.deleteIfSilent(heard.id()));
        assertEquals(List.of(heard.id()), ids(store.recording()));
    }

    /** The live recorder on this store: what is stored is always a prefix of what was heard. */
    @Test
    void theRecorderStoresAudioBySecondsAndWordsByPhrase() {
        Attempt a = store.start("ana", Q, "sde2", "practice");
        List<StorageException> failures = new ArrayList<>();
        AnswerRecorder recorder = AnswerRecorder.of(store, a.id(), failures::add);
        recorder.audio(pcm(AnswerRecorder.STORE_BYTES / 2, 1));
        assertEquals(0, store.audioChunks(a.id()), "half a second waits");
        recorder.audio(pcm(AnswerRecorder.STORE_BYTES / 2, 1));
        assertEquals(1, store.audioChunks(a.id()));
        recorder.audio(pcm(100, 2));
        recorder.words(words("i", "led", "the", "fix"));
        assertEquals(4, store.words(a.id()).size(), "a phrase's words are stored at once, with the audio under them");
        assertEquals(2, store.audioChunks(a.id()));
        assertTrue(recorder.finish(Attempt.INCOMPLETE, null));
        assertEquals(Attempt.INCOMPLETE, store.get(a.id()).orElseThrow().status());
        AnswerRecorder resumed = AnswerRecorder.resume(store, a.id());
        assertEquals(4, resumed.wordsHeard(), "crash recovery goes on from what is stored");
        resumed.words(words("again"));
        assertEquals("again", store.words(a.id()).get(4).word());
        assertTrue(failures.isEmpty(), failures.toString());
    }

    @Test
    void theStoreHasNoProblemWhileItsDatabaseIsThere() {
        assertNull(store.problem());
    }

    static void assertOneLine(StorageException e) {
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertFalse(e.getMessage().contains("SQLITE") || e.getMessage().contains("ERROR:") || e.getMessage().contains("Exception"),
            e.getMessage());
    }

    static List<String> ids(List<Attempt> attempts) {
        return attempts.stream().map(Attempt::id).toList();
    }

    static List<Word> words(String... words) {
        List<Word> out = new ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            out.add(new Word(words[i], 0.5 + i * 0.4, 0.8 + i * 0.4, 0.9));
        }
        return out;
    }

    static byte[] pcm(int length, int value) {
        byte[] pcm = new byte[length];
        java.util.Arrays.fill(pcm, (byte) value);
        return pcm;
    }

    static FollowUp followUp(int probe, String answer) {
        return new FollowUp(probe, answer, new ProbeVerdict(probe, "What would you do differently?", ProbeVerdict.MIXED,
            List.of("names an action"), List.of("asked the customer"), List.of(), "I would ask first"));
    }

    /**
     * Team mode's tables, the same on both databases: a coach sees a take only when its owner shared it and is a candidate
     * of a cohort the coach coaches; comments, scores and sharing go with the attempt when it is deleted; sessions expire.
     */
    @Test
    void aCoachSeesOnlyTheSharedTakesOfTheirCohortsCandidates() {
        TeamStore team = store.team();
        Person ana = new Person("ana-sub", "Ana", "Ana@Example.edu", Role.CANDIDATE);
        Person cole = new Person("cole-sub", "Cole", "cole@example.edu", Role.COACH);
        team.savePerson(ana);
        team.savePerson(cole);
        Cohort spring = team.createCohort("Spring", cole.id(), cole.email());
        assertTrue(team.coaches("COLE@example.edu", spring.id()), "the creator coaches it; e-mail in any case");
        ScoredTranscript t = Fixtures.ANALYZER.analyzeWritten("I fixed the build and it stayed fixed.", Q, Level.SDE2);
        Attempt take = store.keep(ana.id(), Q, "sde2", Attempt.WRITTEN, t);
        team.share(take.id(), true);
        assertFalse(team.coachMaySee(cole.email(), take.id()), "shared, but Ana is not in Cole's cohort yet");
        team.addMember(spring.id(), "ana@example.edu", Role.CANDIDATE);
        assertTrue(team.coachMaySee(cole.email(), take.id()));
        assertEquals(List.of(take.id()), team.reviewQueue(cole.email()).stream().map(QueueItem::attemptId).toList());
        assertEquals("Ana", team.reviewQueue(cole.email()).get(0).ownerName());
        assertEquals(List.of("Spring"), team.cohortsOf("ana@example.edu", Role.CANDIDATE).stream().map(Cohort::name).toList());

        Review.Comment c = team.comment(take.id(), cole, 1.5, 4, "Lead with the result.");
        team.score(take.id(), cole, 68, "Good actions");
        team.markReviewed(take.id(), cole, true);
        Review r = team.review(take.id());
        assertTrue(r.shared());
        assertEquals(List.of(c), r.comments());
        assertEquals(68, r.coachScore().score());
        assertTrue(r.reviewedAt() != null);

        team.share(take.id(), false);
        assertFalse(team.coachMaySee(cole.email(), take.id()), "no longer shared");
        assertTrue(store.delete(take.id()));
        Review gone = team.review(take.id());
        assertEquals(List.of(), gone.comments(), "deleting deletes the coach's comments");
        assertNull(gone.coachScore());

        java.time.Instant now = java.time.Instant.parse("2027-01-01T10:00:00Z");
        team.startSignIn("hash", ana.id(), "csrf", now.plusSeconds(60));
        assertEquals("ana@example.edu", team.signIn("hash", now).orElseThrow().person().email(), "kept in lower case");
        assertTrue(team.signIn("hash", now.plusSeconds(61)).isEmpty(), "expired");
        assertEquals(1, team.endExpired(now.plusSeconds(61)));
    }

    /** The retention period: attempts started before the cut-off go, with their audio; newer ones and live ones stay. */
    @Test
    void attemptsOlderThanTheRetentionPeriodAreDeletedWithTheirAudio() throws Exception {
        Attempt old = store.start("ana", Q, "sde2", "practice");
        store.appendHeard(old.id(), 0, pcm(3200, 1), 0, words("i", "fixed", "it"));
        store.finish(old.id(), Attempt.COMPLETE, null);
        Attempt live = store.start("ana", Q, "sde2", "practice");
        Interview oldInterview = store.startInterview("ana", "sde2", 30, List.of(Q, "earn-trust", "ownership"));
        Thread.sleep(1100); // a second apart, so that the cut-off falls between them whatever digits their times are kept with
        java.time.Instant cutoff = java.time.Instant.now();
        Attempt recent = store.start("ana", Q, "sde2", "practice");
        store.finish(recent.id(), Attempt.COMPLETE, null);
        assertEquals(1, store.deleteStartedBefore(cutoff), "the old one; the live one is still recording");
        assertTrue(store.get(old.id()).isEmpty());
        assertEquals(0, store.pcm(old.id()).length, "its audio went with it");
        assertTrue(store.get(live.id()).isPresent());
        assertTrue(store.get(recent.id()).isPresent());
        assertTrue(store.interview(oldInterview.id()).isEmpty(), "a mock interview older than the cut-off goes too");
    }
}
