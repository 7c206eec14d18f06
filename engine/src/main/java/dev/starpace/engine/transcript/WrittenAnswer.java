package dev.starpace.engine.transcript;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** A written answer's words, timed as if spoken ({@link EstimatedTimings}), refused when past {@link AnswerLimits}. */
public final class WrittenAnswer {
    private WrittenAnswer() {
    }

    /**
     * The timed words of the text; none for blank text. The bytes are checked before any work, the words as
     * they will be analysed (numbers spelled out), which is what the analysis costs.
     */
    public static List<Word> words(String text) {
        if (text.length() > AnswerLimits.WRITTEN_BYTES || text.getBytes(StandardCharsets.UTF_8).length > AnswerLimits.WRITTEN_BYTES) {
            throw AnswerLimits.tooManyBytes(AnswerLimits.WRITTEN_BYTES, AnswerLimits.WRITTEN);
        }
        List<Word> words = EstimatedTimings.words(text);
        if (words.size() > AnswerLimits.WRITTEN_WORDS) {
            throw AnswerLimits.tooManyWords(words.size(), AnswerLimits.WRITTEN_WORDS, AnswerLimits.WRITTEN);
        }
        return words;
    }
}
