package dev.starpace.engine.transcript;

import dev.starpace.engine.text.SpokenText;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives a written answer the word timings a speaker would have: each word takes time by its syllables at a
 * steady pace, with a short pause at commas and a longer one between sentences. Used to analyse written
 * answers and to build timed transcripts from labelled text.
 */
public final class EstimatedTimings {
    public static final double SECONDS_PER_SYLLABLE = 0.24;
    public static final double COMMA_PAUSE = 0.2;
    public static final double SENTENCE_PAUSE = 0.5;

    private EstimatedTimings() {
    }

    /** A run of text and where it sits in time. */
    public record Timed(String text, double start, double end, List<Word> words) {
    }

    /** Times each sentence of an answer in order, starting at {@code start} seconds. */
    public static List<Timed> sentences(List<String> sentences, double start) {
        List<Timed> out = new ArrayList<>();
        double t = start;
        for (String sentence : sentences) {
            List<Word> words = new ArrayList<>();
            double begin = t;
            for (String clause : sentence.split("(?<=[,;:])\\s+")) {
                for (String w : SpokenText.words(clause)) {
                    double d = Math.max(0.15, syllables(w) * SECONDS_PER_SYLLABLE);
                    words.add(new Word(w, round(t), round(t + d)));
                    t += d;
                }
                t += clause.matches(".*[,;:]\\s*$") ? COMMA_PAUSE : 0;
            }
            if (!words.isEmpty()) {
                out.add(new Timed(sentence, begin, words.get(words.size() - 1).end(), words));
            }
            t += SENTENCE_PAUSE;
        }
        return out;
    }

    /** The timed words of a text split into sentences at . ! and ?. */
    public static List<Word> words(String text) {
        List<String> sentences = List.of(text.trim().split("(?<=[.!?])\\s+"));
        return sentences(sentences, 0).stream().flatMap(s -> s.words().stream()).toList();
    }

    /** Vowel groups, a fair count of spoken syllables for English words. */
    static int syllables(String word) {
        int count = 0;
        boolean vowel = false;
        for (char c : word.toCharArray()) {
            boolean v = "aeiouy".indexOf(c) >= 0;
            if (v && !vowel) {
                count++;
            }
            vowel = v;
        }
        boolean silentE = word.endsWith("e") && !word.endsWith("le");
        boolean silentEd = word.endsWith("ed") && !word.endsWith("ted") && !word.endsWith("ded");
        if ((silentE || silentEd) && count > 1) {
            count--;
        }
        return Math.max(1, count);
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }
}
