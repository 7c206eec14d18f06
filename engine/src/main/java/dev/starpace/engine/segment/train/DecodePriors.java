package dev.starpace.engine.segment.train;

import dev.starpace.engine.segment.CueBook;
import dev.starpace.engine.segment.PositionPrior;
import dev.starpace.engine.segment.Unit;
import dev.starpace.engine.segment.UnitFeatures;
import java.util.List;

/**
 * An experiment on the finished-answer decode (issue 20; {@code engine/train-segmenter --by-genre --variants …}):
 * evidence added to the chain's own scores before Viterbi — a position prior of another weight or cuts than the
 * model's, and the phase a signpost opening the unit names ("the result was…"). docs/segmentation.md, section 3, says
 * what each scored; the position prior at 0.5 by length ships as the model's {@link PositionPrior}.
 *
 * @param position the position prior to add (cuts fitted on the training side)
 * @param signpost what a signpost opening a unit adds to the phase it names
 */
record DecodePriors(PositionPrior position, double signpost) {
    static final DecodePriors NONE = new DecodePriors(PositionPrior.NONE, 0);

    /** The units' phase scores with the priors added; {@code features} are the units' unstandardised feature rows. */
    double[][] apply(double[][] emissions, List<Unit> units, int words, double[][] features, CueBook cues) {
        double[][] out = position.apply(emissions, units, words);
        if (signpost == 0) {
            return out;
        }
        out = out == emissions ? copy(emissions) : out;
        for (int u = 0; u < out.length; u++) {
            boolean[] named = UnitFeatures.openingSignposts(features[u], cues);
            for (int p = 0; p < named.length; p++) {
                out[u][p] += named[p] ? signpost : 0;
            }
        }
        return out;
    }

    private static double[][] copy(double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = rows[i].clone();
        }
        return out;
    }
}
