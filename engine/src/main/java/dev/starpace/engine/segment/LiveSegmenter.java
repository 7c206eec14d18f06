package dev.starpace.engine.segment;

import dev.starpace.engine.Phase;
import dev.starpace.engine.transcript.Word;
import java.util.List;

/** What the live view needs of a segmenter: words in as the recognizer finalises them, phases out, as shown. */
public interface LiveSegmenter {
    /** Adds a finalised word; returns the index of the first word whose phase changed (or the new word's). */
    int accept(Word word);

    /** The recognizer closed an utterance (it heard a pause); returns the index of the first word relabelled. */
    int endUtterance();

    /** The phase of every finalised word, as shown. */
    List<Phase> phases();

    List<Word> words();

    int size();

    /** The phase of finalised word {@code index}, as the labeller has it now. */
    Phase phaseOf(int index);

    /** How many words, from the first, are in closed units: the words after them are still open. */
    int closed();

    /** Index of the first word whose phase may still change; earlier ones are settled. */
    int firstRevisable();

    /**
     * How sure the labeller is of word {@code index}'s phase as it has it now, given every unit closed since (1 for a
     * settled word).
     */
    double sureOf(int index);

    /** The phase to show for words the recognizer has only guessed so far. */
    Phase preview(List<Word> guessed);

    /**
     * The phases the report would give the finalised words if the answer ended now. A "runs long" nudge rests on
     * these, so it fires only when the phase would still be long if the speaker moved on now.
     */
    List<Phase> asIfEndedNow();

    /** How likely each phase is for every finalised word if the answer ended now: a nudge also needs these sure. */
    double[][] likelihoodsIfEndedNow();

    /** The phases of the answer once it has ended, labelled whole, as the report shows them. */
    List<Phase> finish();
}
