package dev.starpace.engine.rules;

import dev.starpace.engine.Lazy;
import dev.starpace.engine.ShippedModel;

/**
 * Whether an Action hands its steps to others ("we shipped it", "my manager took it to finance"), judged by a logistic
 * model over a few counts of who does things in it (fitted and cross-validated by {@code train.ActionTraining} into
 * {@code action-model.json}).
 *
 * @param weights one weight per measure of {@link Measures#values()}, then the bias
 */
public record ActionJudge(double[] weights) {
    public static final String RESOURCE = "action-model.json";

    private static final Lazy<ActionJudge> BUILT_IN = new Lazy<>(ActionJudge::load);

    /**
     * What the judge measures of an Action: the others' share of its subjects (the old rule's one measure), their share
     * of the subjects that do something (a subject before a past-tense action verb: "we deleted", "she brought it up"),
     * and how many subjects are the speaker's and the others' (log of one more).
     */
    public record Measures(double share, double actingShare, double logMine, double logOthers) {
        public double[] values() {
            return new double[] {share, actingShare, logMine, logOthers};
        }
    }

    /** The model that ships with StarPace, loaded once. */
    public static ActionJudge builtIn() {
        return BUILT_IN.get();
    }

    private static ActionJudge load() {
        return ShippedModel.read(ActionJudge.class, RESOURCE, "the Action model " + RESOURCE + " is missing: run engine/train-rules");
    }

    /** The probability that an Action with these measures leans on "we" and "they" for what the speaker did. */
    public double others(Measures m) {
        return Logit.probability(weights, m.values());
    }
}
