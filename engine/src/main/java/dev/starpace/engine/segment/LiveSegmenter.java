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

    /** The phase to show for words the recognizer has only guessed so far. */
    Phase preview(List<Word> guessed);

    /** Words before this index no longer wait on later words to settle their phase: a nudge may rest on them. */
    int settled();
}
