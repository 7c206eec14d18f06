package dev.starpace.engine.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Spoken phrase patterns stored reversed, so that all patterns ending at a given word are found by walking
 * back at most {@link #maxLength()} words. A pattern is a run of tokens; a token is a word, alternatives
 * joined by '|', or a word class: #num (number word), #act (past-tense verb that does something),
 * #past (any past-tense verb), #pres (a present-tense verb after "I"), #ing (-ing form), #any (any word).
 *
 * @param <T> what a pattern carries
 */
public final class PhraseTrie<T> {
    /** A pattern that matched words [from, to), through {@code slips} near-missed words. */
    public record Hit<T>(int from, int to, T value, int slips) {
        public Hit(int from, int to, T value) {
            this(from, to, value, 0);
        }
    }

    /** Which heard words may stand for which pattern words: the word at {@code pos} heard, {@code expected} said. */
    public interface Slips {
        Slips NONE = (pos, heard, expected) -> false;

        boolean near(int pos, String heard, String expected);
    }

    private enum WordClass {
        NUM, ACT, PAST, PRES, ING, ANY;

        boolean has(String w) {
            return switch (this) {
                case NUM -> Lexicon.isCardinal(w);
                case ACT -> Lexicon.isPastVerb(w) && !Lexicon.STATIVE_PAST.contains(w);
                case PAST -> Lexicon.isPastVerb(w);
                case PRES -> Lexicon.isPresentVerb(w);
                case ING -> w.length() > 4 && w.endsWith("ing");
                case ANY -> true;
            };
        }
    }

    private record End<T>(int length, T value) {
    }

    private static final class Node<T> {
        final Map<String, Node<T>> words = new HashMap<>();
        final Map<WordClass, Node<T>> classes = new HashMap<>();
        final List<End<T>> ends = new ArrayList<>();
    }

    private final Node<T> root = new Node<>();
    private int maxLength;
    private Set<String> transparent = Set.of();

    /** Words that patterns look through, such as fillers; no match starts or ends on one. */
    public PhraseTrie<T> lookingThrough(Set<String> words) {
        this.transparent = Set.copyOf(words);
        return this;
    }

    /** Adds a pattern written as space-separated tokens. */
    public PhraseTrie<T> add(String pattern, T value) {
        return add(pattern.trim().split("\\s+"), value);
    }

    public PhraseTrie<T> add(String[] tokens, T value) {
        List<Node<T>> frontier = List.of(root);
        for (int i = tokens.length - 1; i >= 0; i--) {
            List<Node<T>> next = new ArrayList<>();
            for (Node<T> node : frontier) {
                for (String alt : tokens[i].split("\\|")) {
                    next.add(alt.startsWith("#")
                        ? node.classes.computeIfAbsent(WordClass.valueOf(alt.substring(1).toUpperCase(Locale.ROOT)),
                            c -> new Node<>())
                        : node.words.computeIfAbsent(alt, c -> new Node<>()));
                }
            }
            frontier = next;
        }
        End<T> end = new End<>(tokens.length, value);
        frontier.forEach(n -> n.ends.add(end));
        maxLength = Math.max(maxLength, tokens.length);
        return this;
    }

    /** All of this trie's patterns added to another. */
    public void copyInto(PhraseTrie<T> other) {
        copy(root, other.root);
        other.transparent = transparent;
        other.maxLength = Math.max(other.maxLength, maxLength);
    }

    public int maxLength() {
        return maxLength;
    }

    /** Every pattern whose last word is {@code words[end]}, looking back no further than {@code floor}. */
    public void endingAt(List<String> words, int end, int floor, List<Hit<T>> out) {
        endingAt(words, end, floor, Slips.NONE, out);
    }

    private void endingAt(List<String> words, int end, int floor, Slips slips, List<Hit<T>> out) {
        if (!transparent.contains(words.get(end))) {
            new Walk<>(words, end, floor, transparent, slips, out).walk(root, end, 0);
        }
    }

    /** Every match anywhere in the words, in order of their last word. */
    public List<Hit<T>> findAll(List<String> words) {
        return findAll(words, Slips.NONE);
    }

    /**
     * Every match anywhere in the words, in order of their last word, where one word of a pattern of two or more
     * words may be a near miss that {@code slips} allows; a match with a slip is reported besides the exact ones.
     */
    public List<Hit<T>> findAll(List<String> words, Slips slips) {
        List<Hit<T>> out = new ArrayList<>();
        for (int end = 0; end < words.size(); end++) {
            endingAt(words, end, 0, slips, out);
        }
        return out;
    }

    /** One walk back from the word a match ends on. */
    private record Walk<T>(List<String> words, int end, int floor, Set<String> transparent, Slips slips,
                           List<Hit<T>> out) {
        void walk(Node<T> node, int pos, int slipped) {
            while (pos >= floor && pos >= 0 && pos < end && transparent.contains(words.get(pos))) {
                pos--;
            }
            if (pos < floor || pos < 0) {
                return;
            }
            String w = words.get(pos);
            Node<T> next = node.words.get(w);
            if (next != null) {
                visit(next, pos, slipped);
            }
            for (var e : node.classes.entrySet()) {
                if (e.getKey().has(w)) {
                    visit(e.getValue(), pos, slipped);
                }
            }
            if (slipped == 0 && slips != Slips.NONE) {
                for (var e : node.words.entrySet()) {
                    if (slips.near(pos, w, e.getKey())) {
                        visit(e.getValue(), pos, 1);
                    }
                }
            }
        }

        private void visit(Node<T> node, int pos, int slipped) {
            for (End<T> e : node.ends) {
                if (slipped == 0 || e.length() >= 2) {
                    out.add(new Hit<>(pos, end + 1, e.value(), slipped));
                }
            }
            walk(node, pos - 1, slipped);
        }
    }

    private static <T> void copy(Node<T> from, Node<T> to) {
        to.ends.addAll(from.ends);
        from.words.forEach((w, child) -> copy(child, to.words.computeIfAbsent(w, k -> new Node<>())));
        from.classes.forEach((c, child) -> copy(child, to.classes.computeIfAbsent(c, k -> new Node<>())));
    }
}
