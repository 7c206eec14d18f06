package dev.starpace.engine.segment.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Held-out answers' words in the right phase, by method, kept per answer so they can be pooled by genre, length
 * class, job family or writer: a single pooled figure hides a genre or a length the model fails on.
 */
public final class HeldOutScores {
    /** One held-out answer scored by one method. */
    public record Entry(String method, LabelledAnswer answer, WordTally tally) {
    }

    private final List<Entry> entries = new ArrayList<>();

    public synchronized void add(String method, LabelledAnswer answer, WordTally tally) {
        entries.add(new Entry(method, answer, tally));
    }

    public synchronized void addAll(HeldOutScores other) {
        entries.addAll(other.entries);
    }

    /** Every held-out word of {@code method}, pooled. */
    public WordTally pooled(String method) {
        return by(method, a -> "all").getOrDefault("all", WordTally.NONE);
    }

    /** The method's tallies pooled by a key of the answer (its genre, length class, …), keys in order. */
    public synchronized Map<String, WordTally> by(String method, Function<LabelledAnswer, String> key) {
        Map<String, WordTally> out = new TreeMap<>();
        for (Entry e : entries) {
            if (e.method().equals(method)) {
                out.merge(key.apply(e.answer()), e.tally(), WordTally::plus);
            }
        }
        return out;
    }

    /** How many answers each key holds. */
    public synchronized Map<String, Integer> answers(String method, Function<LabelledAnswer, String> key) {
        Map<String, Integer> out = new TreeMap<>();
        entries.stream().filter(e -> e.method().equals(method)).forEach(e -> out.merge(key.apply(e.answer()), 1, Integer::sum));
        return out;
    }

    /** The ways figures are broken down, in the order they are printed. */
    public static Map<String, Function<LabelledAnswer, String>> breakdowns() {
        Map<String, Function<LabelledAnswer, String>> out = new LinkedHashMap<>();
        out.put("genre", LabelledAnswer::genre);
        out.put("length", a -> (LengthClass.of(a.wordCount()).ordinal() + 1) + " " + LengthClass.of(a.wordCount()));
        out.put("job", LabelledAnswer::job);
        return out;
    }

    /**
     * A table: one row per key of each breakdown, the methods side by side (words in the right phase, then with
     * Result and Reflection as one), the first method's lead over the second.
     */
    public String table(String first, String second) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%-34s %5s %7s %14s %14s %7s%n", "", "answers", "words", first, second, "lead"));
        row(out, "all", pooled(first), pooled(second), answers(first, a -> "all").getOrDefault("all", 0));
        breakdowns().forEach((name, key) -> {
            Map<String, WordTally> a = by(first, key);
            Map<String, WordTally> b = by(second, key);
            Map<String, Integer> n = answers(first, key);
            a.forEach((k, t) -> row(out, name + " " + k, t, b.getOrDefault(k, WordTally.NONE), n.get(k)));
        });
        return out.toString();
    }

    private static void row(StringBuilder out, String name, WordTally a, WordTally b, int answers) {
        out.append(String.format("%-34s %5d %7d %6.1f (%5.1f) %6.1f (%5.1f) %+6.1f%n", name, answers, a.words(),
            100 * a.share(), 100 * a.mergedShare(), 100 * b.share(), 100 * b.mergedShare(),
            100 * (a.share() - b.share())));
    }
}
