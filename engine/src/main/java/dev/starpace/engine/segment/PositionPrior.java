package dev.starpace.engine.segment;

import java.util.List;

/**
 * What a unit's place in a finished answer says about its phase, added to the chain's scores before Viterbi: the
 * phase the position-only rule gives the unit's middle (its share of the answer's words), so a tidy, in-order answer
 * whose words say little is read in order. An answer under {@link #SHORT} words is placed by cuts fitted on short
 * answers (and long ones condensed), since a short answer's Situation is a larger share of it. Chosen on the folds by
 * genre with answer-weighted training (docs/segmentation.md, section 3); the live chain does not use it, since a
 * growing answer's end is not known.
 *
 * @param cuts      four cut points over the share of the answer's words (S before cuts[0], T before cuts[1], …)
 * @param shortCuts the same for answers under {@link #SHORT} words
 * @param weight    what the rule's phase adds to a unit's score
 */
public record PositionPrior(double[] cuts, double[] shortCuts, double weight) {
    /** No prior: the chain's scores as they are. */
    public static final PositionPrior NONE = new PositionPrior(new double[0], new double[0], 0);
    /** Answers shorter than this (words) are placed by {@link #shortCuts}. */
    public static final int SHORT = 120;

    /** The units' phase scores with the prior added, for an answer of {@code words} words. */
    public double[][] apply(double[][] emissions, List<Unit> units, int words) {
        double[] rule = words < SHORT && shortCuts.length > 0 ? shortCuts : cuts;
        if (weight == 0 || rule.length == 0) {
            return emissions;
        }
        double[][] out = new double[emissions.length][];
        for (int u = 0; u < emissions.length; u++) {
            out[u] = emissions[u].clone();
            Unit unit = units.get(u);
            out[u][phaseAt(rule, (unit.from() + unit.size() / 2.0) / words)] += weight;
        }
        return out;
    }

    /** The rule's phase (ordinal) at a share of the answer. */
    public static int phaseAt(double[] cuts, double share) {
        int q = 0;
        while (q < cuts.length && share >= cuts[q]) {
            q++;
        }
        return q;
    }
}
