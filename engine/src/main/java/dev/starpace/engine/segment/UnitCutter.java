package dev.starpace.engine.segment;

import dev.starpace.engine.transcript.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Cuts recognised speech, which has no punctuation, into units the model labels: at pauses, at clause openers
 * once a unit is long enough to be a clause, and at a length cap. The decision for a word depends only on the
 * open unit and the word itself, so live and batch cut the same words the same way.
 */
public final class UnitCutter {
    /** A pause this long (seconds) ends a unit: spoken sentences end at pauses. */
    public static final double PAUSE = 0.3;
    /** A unit shorter than this runs on through a pause (a hesitation inside a clause). */
    static final int MIN_WORDS = 4;
    /** From this many words on, a clause opener starts a new unit. */
    static final int OPENER_WORDS = 12;
    /** No unit is longer than this: about ten seconds of speech. */
    public static final int MAX_WORDS = 28;

    /** Words that open a new clause in run-on speech ("... and so I ...", "... then we ..."). */
    static final Set<String> OPENERS = Set.of("so", "then", "and", "but", "after", "once", "when", "while", "looking",
        "now", "because", "since", "finally", "overall", "ultimately", "next", "i", "we", "if", "before", "during",
        "which", "what", "in", "at", "by", "within", "i'd", "i've", "i'll", "that's", "it", "they", "there");

    private UnitCutter() {
    }

    /** Whether {@code word}, heard {@code gap} seconds after the last one, opens a new unit after {@code open} words. */
    public static boolean opensUnit(int open, String word, double gap) {
        if (open == 0) {
            return true;
        }
        if (open >= MAX_WORDS) {
            return true;
        }
        if (gap >= PAUSE && open >= MIN_WORDS) {
            return true;
        }
        return open >= OPENER_WORDS && OPENERS.contains(word);
    }

    /** The units of a whole transcript, in order, covering every word. */
    public static List<Unit> cut(List<Word> words) {
        List<Unit> units = new ArrayList<>();
        int from = 0;
        for (int i = 1; i <= words.size(); i++) {
            if (i == words.size() || opensUnit(i - from, words.get(i).word(), words.get(i).start() - words.get(i - 1).end())) {
                if (i > from) {
                    units.add(new Unit(from, i));
                }
                from = i;
            }
        }
        return units;
    }
}
