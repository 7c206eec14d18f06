package dev.starpace.engine.segment;

import dev.starpace.engine.Phase;
import dev.starpace.engine.text.Lexicon;
import dev.starpace.engine.text.PhraseTrie;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the classifier sees of one unit: its sentence vector, its neighbours' vectors (what was just said, and
 * once the answer is finished what comes next), how strongly the general phase cues fire in it (summed per phase
 * with their hand weights, and each cue on its own, so every cue's weight is learned), pronoun, tense and
 * number shares, and where the unit sits in time, as bumps over a position scale so a linear model can learn
 * "results come late" without a hand-drawn curve.
 *
 * <p>The position is the unit's middle as a share of the whole answer when a finished answer is scored, and as a
 * share of the level's time budget live, when the end is not yet known. Live, seconds since the answer began are
 * seen too (the only sense of length while the end is unknown); a finished answer gets none, so a 45-word typed
 * answer and a three-minute spoken one are the same story shape to it (issue 20: with seconds, short answers were
 * read as nothing but their opening). (Seconds left to the end were tried too: no gain, and a 20-second answer,
 * shorter than any trained on, then looked "late" from its first word.)
 *
 * <p>Signposts — the speaker naming the part, "the result was", "what I learned" — count per phase, apart when
 * they open the unit (within its first {@link #OPENING} words: "so the result was…") and when they come later
 * in it: a part named at the start of a sentence is near-decisive, the same word inside one is not.
 */
public final class UnitFeatures {
    /** Centres of the position bumps (share of the answer or of the budget), and their width. */
    static final double[] BUMPS = {0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.15, 1.3, 1.5};
    static final double BUMP_WIDTH = 0.1;
    /** Centres of the bumps over seconds since the start; each is max(5 s, half its centre) wide. */
    static final double[] SECONDS = {0, 5, 10, 20, 30, 45, 60};
    /** A signpost whose first word is among a unit's first this many words opens it. */
    static final int OPENING = 3;

    /**
     * Where a unit sits in its answer.
     *
     * @param share      its middle as a share of the answer (finished) or of the level's budget (live)
     * @param sinceStart seconds from the answer's first word to the unit's middle, or NaN when not to be seen (a
     *                   finished answer, whose length says nothing of its shape)
     */
    public record Placement(double share, double sinceStart) {
    }

    private static final Set<String> SINGULAR = Set.of("i", "me", "my", "myself", "mine", "i'd", "i'm", "i've", "i'll");
    private static final Set<String> PLURAL = Set.of("we", "us", "our", "ours", "ourselves", "we'd", "we're", "we've",
        "we'll");
    private static final Set<String> OTHERS = Set.of("they", "them", "their", "he", "she", "him", "her", "his",
        "they'd", "they're", "they've", "he'd", "she'd");
    private static final Set<String> YOU = Set.of("you", "your", "you'd", "you're", "you've", "you'll");
    private static final Set<String> MODALS = Set.of("would", "could", "should", "might", "will", "i'd", "we'd",
        "i'll", "we'll", "wouldn't", "shouldn't", "can", "can't", "must");
    private static final Set<String> PRESENT = Set.of("now", "today", "always", "whenever", "anymore", "nowadays",
        "still", "ever", "since", "is", "are", "am", "i'm", "it's", "that's");
    private static final Set<String> BEING = Set.of("was", "were", "had", "been", "wasn't", "weren't", "hadn't",
        "there'd", "we'd");

    private static final int LEXICAL = 11;
    private static final int P = Phase.values().length;

    /** The number of features for the given vector size and cue book. */
    public static int dimensions(int vector, CueBook cues) {
        return vectorFeatures(vector) + P + cues.generalCues() + 2 * P + LEXICAL + BUMPS.length + SECONDS.length;
    }

    /** How many features the sentence vectors take, first in every feature row: the unit's, the previous, the next. */
    public static int vectorFeatures(int vector) {
        return 3 * vector;
    }

    private UnitFeatures() {
    }

    /**
     * The features of one unit.
     *
     * @param tokens   every word of the answer so far, lowercase
     * @param unit     the unit
     * @param own      the unit's sentence vector
     * @param previous the previous unit's vector, or null for the first unit
     * @param next     the next unit's vector, or null for the last unit and while the answer is spoken
     * @param place    where the unit sits in the answer
     * @param cues     the general phase cues
     */
    public static double[] of(List<String> tokens, Unit unit, float[] own, float[] previous, float[] next,
                              Placement place, CueBook cues) {
        int v = own.length;
        double[] x = new double[dimensions(v, cues)];
        for (int i = 0; i < v; i++) {
            x[i] = own[i];
            x[v + i] = previous == null ? 0 : previous[i];
            x[2 * v + i] = next == null ? 0 : next[i];
        }
        int at = vectorFeatures(v);
        List<PhraseTrie.Hit<CueBook.Cue>> hits = new ArrayList<>();
        for (int end = unit.from(); end < unit.to(); end++) {
            cues.endingAt(tokens, end, unit.from(), hits);
        }
        int signposts = at + P + cues.generalCues();
        for (PhraseTrie.Hit<CueBook.Cue> hit : hits) {
            CueBook.Cue cue = hit.value();
            if (cue.signpost()) {
                x[signposts + (hit.from() - unit.from() < OPENING ? 0 : P) + cue.phase().ordinal()] = 1;
                continue;
            }
            x[at + cue.phase().ordinal()] += cue.weight();
            if (cue.general() >= 0) {
                x[at + P + cue.general()] += 1;
            }
        }
        at = signposts + 2 * P;
        double n = unit.size();
        int singular = 0, plural = 0, others = 0, you = 0, modal = 0, present = 0, being = 0, past = 0, numbers = 0,
            measures = 0;
        for (int i = unit.from(); i < unit.to(); i++) {
            String w = tokens.get(i);
            singular += SINGULAR.contains(w) ? 1 : 0;
            plural += PLURAL.contains(w) ? 1 : 0;
            others += OTHERS.contains(w) ? 1 : 0;
            you += YOU.contains(w) ? 1 : 0;
            modal += MODALS.contains(w) ? 1 : 0;
            present += PRESENT.contains(w) ? 1 : 0;
            being += BEING.contains(w) ? 1 : 0;
            past += Lexicon.isPastVerb(w) ? 1 : 0;
            boolean number = Lexicon.isCardinal(w);
            numbers += number ? 1 : 0;
            if (number && i + 1 < unit.to() && Lexicon.UNITS.contains(tokens.get(i + 1))) {
                measures++;
            }
        }
        double[] lexical = {singular / n, plural / n, others / n, you / n, modal / n, present / n, being / n,
            past / n, numbers / n, measures, Math.log(n)};
        System.arraycopy(lexical, 0, x, at, LEXICAL);
        at += LEXICAL;
        for (double c : BUMPS) {
            x[at++] = bump(place.share(), c, BUMP_WIDTH);
        }
        for (double c : SECONDS) {
            x[at++] = Double.isNaN(place.sinceStart()) ? 0 : bump(place.sinceStart(), c, Math.max(5, c / 2));
        }
        return x;
    }

    /** Which phases a signpost opening the unit names, read from its (unstandardised) feature row. */
    public static boolean[] openingSignposts(double[] x, CueBook cues) {
        int at = vectorFeatures(SentenceEncoder.DIMENSIONS) + P + cues.generalCues();
        boolean[] out = new boolean[P];
        for (int p = 0; p < P; p++) {
            out[p] = x[at + p] > 0;
        }
        return out;
    }

    /** Zeroes a feature row's signposts: to measure, on the same folds, what they are worth. */
    public static void clearSignposts(double[] x, CueBook cues) {
        int at = vectorFeatures(SentenceEncoder.DIMENSIONS) + P + cues.generalCues();
        java.util.Arrays.fill(x, at, at + 2 * P, 0);
    }

    private static double bump(double value, double centre, double width) {
        double d = (value - centre) / width;
        return Math.exp(-0.5 * d * d);
    }
}
