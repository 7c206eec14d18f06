package dev.starpace.engine.segment;

import dev.starpace.engine.Lazy;
import dev.starpace.engine.ShippedModel;

/**
 * The trained STAR model: one phase chain for finished answers (position = share of the answer, the next unit seen)
 * and one for live answers (position = share of the level's budget, no look-ahead), and the position prior a finished
 * answer's decode adds. Built by {@code train.SegmenterTraining} into {@code star-model.json} beside this class.
 *
 * @param encoder the sentence encoder the chains were fitted on
 * @param prior   what a unit's place in a finished answer adds to its phase scores ({@link PositionPrior#NONE} for none)
 */
public record StarModel(String encoder, PhaseChain whole, PhaseChain live, PositionPrior prior) {
    public StarModel {
        prior = prior == null ? PositionPrior.NONE : prior;
    }

    /** The same chains with another prior. */
    public StarModel withPrior(PositionPrior other) {
        return new StarModel(encoder, whole, live, other);
    }

    public static final String RESOURCE = "star-model.json";
    public static final String ENCODER = "all-MiniLM-L6-v2-q";
    private static final Lazy<StarModel> BUILT_IN = new Lazy<>(StarModel::load);

    /** The model that ships with StarPace, loaded once. */
    public static StarModel builtIn() {
        return BUILT_IN.get();
    }

    private static StarModel load() {
        return ShippedModel.read(StarModel.class, RESOURCE, "the STAR model " + RESOURCE + " is missing: run engine/train-segmenter");
    }
}
