package dev.starpace.server.speech;

import dev.starpace.engine.Phase;
import dev.starpace.engine.ScoredTranscript;
import dev.starpace.engine.delivery.InputQuality;
import dev.starpace.engine.timing.PhaseTiming;
import dev.starpace.engine.transcript.Word;
import java.util.List;

/**
 * What a live answer reports as it goes. The server turns each call into an event for the browser; batch
 * analysis listens to nothing but the end. Calls come on the thread that feeds the audio.
 */
public interface SessionListener {
    /**
     * Whether someone watches the answer as it is spoken. Batch analysis does not: the session then skips what only
     * the live view needs (labelling the recognizer's guesses, timers, nudges).
     */
    default boolean watching() {
        return true;
    }

    /** Vosk's current guess at the words of the utterance in progress; replaced by the next call. */
    default void partial(List<Word> words) {
    }

    /** The same guess with the phase the live view shows for it (the phase on screen unless the model is sure of the next). */
    default void partial(List<Word> words, Phase phase) {
        partial(words);
    }

    /**
     * Finalised words with their phases. {@code words} is the whole answer so far; phases from
     * {@code firstChanged} on are new or revised, those before it are as last reported.
     */
    default void words(List<ScoredTranscript.ScoredWord> words, int firstChanged) {
    }

    /** Each phase's time so far against its target, and the seconds of audio heard. */
    default void timers(List<PhaseTiming> phases, double elapsedSeconds) {
    }

    /** A coaching nudge, sent once when it first applies. */
    default void nudge(Nudge nudge) {
    }

    /** The recording's quality, when its problems (noisy, clipped, quiet) change: a warning while recording, or its end. */
    default void quality(InputQuality quality) {
    }

    /** The scored transcript, when the answer ends. */
    default void scored(ScoredTranscript transcript) {
    }
}
