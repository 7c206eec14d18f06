package dev.starpace.server.web;

import dev.starpace.engine.Level;
import dev.starpace.engine.Phase;
import dev.starpace.engine.ScoredTranscript;
import dev.starpace.engine.bank.Card;
import dev.starpace.engine.transcript.EstimatedTimings;
import dev.starpace.engine.transcript.Word;
import dev.starpace.server.Fixtures;
import dev.starpace.server.store.Attempt;
import dev.starpace.server.store.AttemptStore;
import java.nio.file.Path;
import java.util.List;

/**
 * Attempts put in a data folder's real SQLite store before the server opens it: a spoken fixture with its
 * audio and its transcript as Vosk heard it, a written answer scored by the engine, or hand-labelled words.
 */
final class Seeds implements AutoCloseable {
    static final String SEED = "customer-obsession-above-and-beyond";

    private final AttemptStore store;

    Seeds(Path data) {
        store = AttemptStore.open(data);
    }

    /** A fixture answer as recorded: its audio, and the transcript the live session gave for it. */
    String spoken(String fixture) {
        ScoredTranscript t = Fixtures.analysed(fixture).transcript();
        Attempt a = store.start(Attempt.LOCAL_OWNER, SEED, Fixtures.manifest(fixture).get("level").asText(), "practice");
        byte[] pcm = Fixtures.pcm(fixture);
        int chunk = 32_000;
        for (int at = 0, seq = 0; at < pcm.length; at += chunk, seq++) {
            store.appendAudio(a.id(), seq, java.util.Arrays.copyOfRange(pcm, at, Math.min(pcm.length, at + chunk)), Math.min(chunk, pcm.length - at));
        }
        store.finish(a.id(), Attempt.COMPLETE, t);
        return a.id();
    }

    /** A written answer, scored by the engine as writing, as the browser's "Write it" keeps it. */
    String written(String text) {
        ScoredTranscript t = Fixtures.ANALYZER.analyzeWritten(text, SEED, Level.SDE2);
        return finished(t, Attempt.WRITTEN);
    }

    /** A written answer read aloud at a steady pace: timed as spoken and scored as a spoken take. */
    String readAloud(String text) {
        return finished(Fixtures.ANALYZER.analyze(EstimatedTimings.words(text), SEED, Level.SDE2), "practice");
    }

    /** A written answer read aloud at a level, kept from a mode with a status: a mock take, a cut-off one, an SDE1 one. */
    String readAloud(String text, Level level, String mode, String status) {
        ScoredTranscript t = Fixtures.ANALYZER.analyze(EstimatedTimings.words(text), SEED, level);
        Attempt a = store.start(Attempt.LOCAL_OWNER, SEED, level.id(), mode);
        store.finish(a.id(), status, t);
        return a.id();
    }

    /** A written answer to another question, scored as writing. */
    String writtenFor(String question, String text) {
        ScoredTranscript t = Fixtures.ANALYZER.analyzeWritten(text, question, Level.SDE2);
        Attempt a = store.start(Attempt.LOCAL_OWNER, question, "sde2", Attempt.WRITTEN);
        store.finish(a.id(), Attempt.COMPLETE, t);
        return a.id();
    }

    /** Words with the phases given, scored as they are. */
    String labelled(List<Word> words, List<Phase> phases) {
        Card card = Fixtures.BANK.get(SEED);
        return finished(Fixtures.ANALYZER.score(card, Level.SDE2, words, phases), "practice");
    }

    /** An attempt in which nothing was heard. */
    String silent() {
        Attempt a = store.start(Attempt.LOCAL_OWNER, SEED, "sde2", "practice");
        store.finish(a.id(), Attempt.INCOMPLETE, null);
        return a.id();
    }

    private String finished(ScoredTranscript t, String mode) {
        Attempt a = store.start(Attempt.LOCAL_OWNER, SEED, "sde2", mode);
        store.finish(a.id(), Attempt.COMPLETE, t);
        return a.id();
    }

    @Override
    public void close() {
        store.close();
    }
}
