package dev.starpace.engine.transcript;

import dev.starpace.engine.text.SpokenText;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A typed answer, refused when past {@link AnswerLimits}: its text as written, the spoken words the rules read (timed as {@link EstimatedTimings} would), and
 * for each word the writer's own token it came from, so the report can show the answer as written — casing,
 * punctuation, "$8K" rather than "eight thousand dollars". A token that becomes several words is shown once, on its
 * first; punctuation standing alone ("—") goes with the token before it.
 */
public record WrittenAnswer(String text, List<Word> words, List<String> shown) {

    public static WrittenAnswer of(String text) {
        List<Word> words = words(text);
        List<String> shown = new ArrayList<>();
        for (String token : text.trim().split("\\s+")) {
            int n = token.isEmpty() ? 0 : SpokenText.words(token).size();
            if (n == 0) {
                if (!shown.isEmpty()) {
                    int last = lastShown(shown);
                    shown.set(last, shown.get(last) + " " + token);
                }
                continue;
            }
            shown.add(token);
            for (int i = 1; i < n; i++) {
                shown.add(null);
            }
        }
        if (shown.size() != words.size()) {
            // the text split into words differently token by token than whole: show the spoken words rather than guess
            shown = new ArrayList<>(Arrays.asList(new String[words.size()]));
            for (int i = 0; i < words.size(); i++) {
                shown.set(i, words.get(i).word());
            }
        }
        return new WrittenAnswer(text, words, Collections.unmodifiableList(shown));
    }

    /**
     * The timed words of the text ({@link EstimatedTimings}); none for blank text. The bytes are checked before any
     * work, the words as they will be analysed (numbers spelled out), which is what the analysis costs.
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

    private static int lastShown(List<String> shown) {
        for (int i = shown.size() - 1; i >= 0; i--) {
            if (shown.get(i) != null) {
                return i;
            }
        }
        return 0;
    }
}
