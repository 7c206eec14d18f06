package dev.starpace.engine.habits;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.starpace.engine.transcript.Word;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Habits a listener notices, counted from the words: the words said most, the words sentences keep starting with,
 * hedges, and fillers by kind. Each list is most frequent first (ties alphabetical). The report, the CLI, batch and
 * the export all read these figures; nothing else counts them.
 */
@JsonPropertyOrder({"mostUsed", "openers", "hedges", "fillers"})
public record WordHabits(List<Count> mostUsed, List<Count> openers, List<Count> hedges, List<Count> fillers) {

    /** A word or phrase and how often it was said. */
    public record Count(String text, int count) {
    }

    /** A sentence starts after a silence of at least this long (the recognizer gives no punctuation). */
    public static final double SENTENCE_GAP_SECONDS = 0.35;
    /** An opener is a habit once three sentences start with it. */
    public static final int OPENER_MIN = 3;
    /** A word is among the most used once it is said this often. */
    public static final int MOST_USED_MIN = 3;
    public static final int MOST_USED_SHOWN = 5;

    private static final Set<String> OPENERS = Set.of("so", "and", "then", "but", "well", "now", "also", "basically",
        "okay", "right", "like", "actually");

    private static final List<List<String>> HEDGES = List.of(List.of("i", "think"), List.of("i", "guess"),
        List.of("i", "believe"), List.of("maybe"), List.of("probably"), List.of("perhaps"), List.of("sort", "of"),
        List.of("somewhat"), List.of("hopefully"), List.of("i", "suppose"), List.of("more", "or", "less"));

    public static WordHabits empty() {
        return new WordHabits(List.of(), List.of(), List.of(), List.of());
    }

    /** Counts the habits in {@code words}; {@code fillers} is the text of each filler the delivery found. */
    public static WordHabits of(List<Word> words, List<String> fillers) {
        Map<String, Integer> filler = new HashMap<>();
        fillers.forEach(f -> filler.merge(f.toLowerCase(Locale.ROOT), 1, Integer::sum));
        return new WordHabits(mostUsed(words), openers(words), hedges(words), byCount(filler));
    }

    static List<Count> mostUsed(List<Word> words) {
        Map<String, Integer> counts = new HashMap<>();
        for (Word w : words) {
            String said = w.word().toLowerCase(Locale.ROOT);
            if (said.length() > 2 && !CommonWords.is(said)) {
                counts.merge(said, 1, Integer::sum);
            }
        }
        return byCount(counts).stream().filter(c -> c.count() >= MOST_USED_MIN).limit(MOST_USED_SHOWN).toList();
    }

    static List<Count> openers(List<Word> words) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < words.size(); i++) {
            Word w = words.get(i);
            boolean starts = i == 0 || w.start() - words.get(i - 1).end() >= SENTENCE_GAP_SECONDS;
            String said = w.word().toLowerCase(Locale.ROOT);
            if (starts && OPENERS.contains(said)) {
                counts.merge(said, 1, Integer::sum);
            }
        }
        return byCount(counts).stream().filter(c -> c.count() >= OPENER_MIN).toList();
    }

    static List<Count> hedges(List<Word> words) {
        List<String> said = words.stream().map(w -> w.word().toLowerCase(Locale.ROOT)).toList();
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < said.size(); i++) {
            for (List<String> hedge : HEDGES) {
                if (i + hedge.size() <= said.size() && said.subList(i, i + hedge.size()).equals(hedge)) {
                    counts.merge(String.join(" ", hedge), 1, Integer::sum);
                }
            }
        }
        return byCount(counts);
    }

    private static List<Count> byCount(Map<String, Integer> counts) {
        List<Count> list = new ArrayList<>();
        counts.forEach((text, n) -> list.add(new Count(text, n)));
        list.sort(Comparator.comparingInt(Count::count).reversed().thenComparing(Count::text));
        return List.copyOf(list);
    }

    /**
     * The habits worth saying, one sentence each ("Most used: deploy ×5, cache ×3"), empty lists left out; fillers
     * are not among them, since every report already gives them with the delivery.
     */
    public List<String> sentences() {
        List<String> out = new ArrayList<>();
        if (!mostUsed.isEmpty()) {
            out.add("Most used: " + line(mostUsed));
        }
        if (!openers.isEmpty()) {
            out.add("Sentences often start with: " + line(openers));
        }
        if (!hedges.isEmpty()) {
            out.add("Hedges: " + line(hedges));
        }
        return out;
    }

    /** "so ×4, and ×3": how the report, CLI and batch write a list. */
    public static String line(List<Count> counts) {
        return String.join(", ", counts.stream().map(c -> c.text() + " ×" + c.count()).toList());
    }
}
