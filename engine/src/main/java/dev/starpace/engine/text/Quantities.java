package dev.starpace.engine.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds measurements in spoken words: runs of number words ("a hundred and ten thousand dollars",
 * "zero point three percent"), digits, multipliers ("doubled") and "from X to Y" deltas.
 * A lone "one" is not a measurement: it is usually a pronoun ("the one that failed").
 */
public final class Quantities {
    private Quantities() {
    }

    private static final java.util.Set<String> FRACTIONS = java.util.Set.of("half", "third", "thirds", "quarter",
        "quarters", "fifth", "tenth");

    /** A measurement over words [from, to). */
    public record Span(int from, int to) {
    }

    public static List<Span> find(List<String> words) {
        List<Span> spans = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            String w = words.get(i);
            if (Lexicon.MULTIPLIERS.contains(w)) {
                spans.add(new Span(i, i + 1));
                i++;
                continue;
            }
            // fractions and halving: "by a third", "a quarter of", "in half"
            String next = i + 1 < words.size() ? words.get(i + 1) : "";
            if ((w.equals("a") || w.equals("one") || w.equals("in")) && FRACTIONS.contains(next)) {
                spans.add(new Span(i, i + 2));
                i += 2;
                continue;
            }
            if (!startsNumber(words, i)) {
                i++;
                continue;
            }
            int end = i;
            boolean seenNonOne = false;
            while (end < words.size() && continuesNumber(words, end, i)) {
                String x = words.get(end);
                if (Lexicon.isCardinal(x) && !x.equals("one") || x.equals("point")) {
                    seenNonOne = true;
                }
                end++;
            }
            boolean unit = end < words.size() && Lexicon.UNITS.contains(words.get(end));
            if (unit) {
                end++;
            }
            if (seenNonOne || unit) {
                spans.add(new Span(i, end));
            }
            i = Math.max(end, i + 1);
        }
        return spans;
    }

    private static boolean startsNumber(List<String> words, int i) {
        String w = words.get(i);
        if (Lexicon.isCardinal(w)) {
            return !(w.equals("half") || w.equals("quarter")) || i + 1 < words.size()
                && List.of("a", "an", "the", "of", "percent").contains(words.get(i + 1));
        }
        // "a hundred", "a thousand", "a dozen", "a half"
        return w.equals("a") && i + 1 < words.size()
            && List.of("hundred", "thousand", "million", "dozen", "half", "third", "quarter").contains(words.get(i + 1));
    }

    private static boolean continuesNumber(List<String> words, int k, int start) {
        String w = words.get(k);
        if (k == start) {
            return true;
        }
        if (Lexicon.isCardinal(w)) {
            return true;
        }
        boolean between = k + 1 < words.size() && Lexicon.isCardinal(words.get(k + 1));
        // "point" in "zero point three", "and" in "a hundred and ten"
        return between && (w.equals("point") || w.equals("and") && words.get(k - 1).equals("hundred"));
    }
}
