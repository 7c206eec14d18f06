package dev.starpace.engine.delivery;

import dev.starpace.engine.text.Hesitations;
import dev.starpace.engine.text.Lexicon;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds filler words in recognised speech: um, uh, er (also where the recognizer wrote them as a word,
 * {@link Hesitations}), "basically", "you know", "kind of" as a hedge, and
 * "like" when it is not a verb or a preposition — the fillers interview coaches count. Context decides the ambiguous ones:
 * "I'd like to", "looks like a", "what kind of" and "do you know" are not fillers.
 */
public final class Fillers {
    /** A filler over words [from, to). */
    public record Span(int from, int to) {
    }

    private static final Set<String> ALWAYS = Set.of("um", "umm", "uhm", "uh", "er", "erm", "basically");
    private static final Set<String> LIKE_AS_VERB_OR_PREPOSITION_AFTER = Set.of("would", "i'd", "you'd", "we'd",
        "they'd", "she'd", "he'd", "feel", "feels", "felt", "look", "looks", "looked", "seem", "seems", "seemed",
        "sound", "sounds", "sounded", "something", "anything", "nothing", "things", "stuff", "just", "more", "less",
        "not", "don't", "didn't", "doesn't", "really", "to", "i", "you", "they", "people", "users", "customers",
        "much", "exactly", "tools", "languages", "services", "teams", "companies");
    private static final Set<String> FILLER_LIKE_AFTER = Set.of("was", "were", "is", "it's", "and", "but", "so",
        "um", "uh", "basically", "literally", "we", "they", "it", "that's", "there's");
    private static final Set<String> DETERMINERS = Set.of("a", "an", "the", "this", "that", "these", "those", "my",
        "our", "their", "his", "her", "your", "its", "what", "how");
    private static final Set<String> KIND_OF_AFTER = Set.of("what", "this", "that", "a", "the", "some", "any", "one",
        "which", "same", "every", "each", "different", "other", "right", "new", "of");
    private static final Set<String> YOU_KNOW_NOT_AFTER = Set.of("do", "did", "don't", "if", "as", "whether", "you",
        "would", "didn't");
    private static final Set<String> YOU_KNOW_NOT_BEFORE = Set.of("that", "what", "how", "why", "where", "when", "who",
        "which", "it", "about", "him", "her", "them", "this", "the");

    private Fillers() {
    }

    /** The words' fillers, as written (no pauses known). */
    public static List<Span> find(List<String> w) {
        return find(w, new double[w.size()]);
    }

    /** The words' fillers; gapAfter[i] is the silence after word i, in seconds. */
    public static List<Span> find(List<String> w, double[] gapAfter) {
        List<Span> out = new ArrayList<>();
        for (int i = 0; i < w.size(); i++) {
            String x = w.get(i);
            String prev = i > 0 ? w.get(i - 1) : "";
            String next = i + 1 < w.size() ? w.get(i + 1) : "";
            if (ALWAYS.contains(x) || Hesitations.at(w, gapAfter, i)) {
                out.add(new Span(i, i + 1));
            } else if (x.equals("like") && isFillerLike(prev, next)) {
                out.add(new Span(i, i + 1));
            } else if (x.equals("you") && next.equals("know") && !YOU_KNOW_NOT_AFTER.contains(prev)
                && !YOU_KNOW_NOT_BEFORE.contains(i + 2 < w.size() ? w.get(i + 2) : "")) {
                out.add(new Span(i, i + 2));
                i++;
            } else if (x.equals("kind") && next.equals("of") && !KIND_OF_AFTER.contains(prev)) {
                out.add(new Span(i, i + 2));
                i++;
            }
        }
        return out;
    }

    private static boolean isFillerLike(String prev, String next) {
        if (LIKE_AS_VERB_OR_PREPOSITION_AFTER.contains(prev)) {
            return false;
        }
        if (FILLER_LIKE_AFTER.contains(prev) || prev.isEmpty()) {
            // "it was like a nightmare" compares; "it was like every single person" fills
            return !DETERMINERS.contains(next);
        }
        // "we like went through", "testing is like super important": a verb or modifier follows
        return Lexicon.isPastVerb(next) || Set.of("super", "really", "totally", "so", "very", "just", "literally",
            "every", "all").contains(next);
    }
}
