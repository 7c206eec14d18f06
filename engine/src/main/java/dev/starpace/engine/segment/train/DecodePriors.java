package dev.starpace.engine.segment.train;

import dev.starpace.engine.segment.CueBook;
import dev.starpace.engine.segment.Unit;
import dev.starpace.engine.segment.UnitFeatures;
import java.util.List;

/**
 * An experiment on the finished-answer decode (issue 20; {@code engine/train-segmenter --by-genre --variants …}):
 * evidence added to the chain's own scores before Viterbi — the phase the position-only rule gives a unit's place in
 * the answer, so a tidy, in-order answer whose words say little is read in order; and the phase a signpost opening the
 * unit names ("the result was…"). Measured on the folds by genre and the answers kept out, and not shipped
 * (docs/segmentation.md, section 3, says what each weight scored).
 *
 * @param cuts      the position rule's four cut points over the share of the answer's words before a unit's middle
 *                  (S before cuts[0], T before cuts[1], …), fitted on the training side
 * @param shortCuts the same for an answer under {@link #SHORT} words, fitted on short answers and long ones condensed;
 *                  empty to use {@code cuts}
 * @param position  what the rule's phase adds to a unit's score
 * @param signpost  what a signpost opening a unit adds to the phase it names
 */
record DecodePriors(double[] cuts, double[] shortCuts, double position, double signpost) {
    static final DecodePriors NONE = new DecodePriors(new double[0], new double[0], 0, 0);
    /** Answers shorter than this (words) are placed by {@link #shortCuts}. */
    static final int SHORT = 120;

    /** The units' phase scores with the priors added; {@code features} are the units' unstandardised feature rows. */
    double[][] apply(double[][] emissions, List<Unit> units, int words, double[][] features, CueBook cues) {
        if (position == 0 && signpost == 0) {
            return emissions;
        }
        double[] rule = words < SHORT && shortCuts.length > 0 ? shortCuts : cuts;
        double[][] out = new double[emissions.length][];
        for (int u = 0; u < emissions.length; u++) {
            out[u] = emissions[u].clone();
            Unit unit = units.get(u);
            if (position != 0 && rule.length > 0) {
                out[u][phaseAt(rule, (unit.from() + unit.size() / 2.0) / words)] += position;
            }
            if (signpost != 0) {
                boolean[] named = UnitFeatures.openingSignposts(features[u], cues);
                for (int p = 0; p < named.length; p++) {
                    out[u][p] += named[p] ? signpost : 0;
                }
            }
        }
        return out;
    }

    /** The position rule's phase (ordinal) at a share of the answer. */
    static int phaseAt(double[] cuts, double share) {
        int q = 0;
        while (q < cuts.length && share >= cuts[q]) {
            q++;
        }
        return q;
    }
}
