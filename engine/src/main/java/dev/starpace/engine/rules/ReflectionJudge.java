package dev.starpace.engine.rules;

import dev.starpace.engine.Lazy;
import dev.starpace.engine.ShippedModel;

/**
 * Whether a reflection ties back to its story or is a platitude, judged by a logistic model over a few measures
 * (fitted and cross-validated by {@code train.ReflectionTraining} into {@code reflection-model.json}): the word-overlap
 * verdict, and sentence-encoder closeness of the reflection's units to known platitudes, to the story's own units
 * and to the card's strong reflection, and the reflection's length.
 *
 * @param weights one weight per measure of {@link Measures#values()}, then the bias (measured by {@link ReflectionMeasurer})
 */
public record ReflectionJudge(double[] weights) {
    public static final String RESOURCE = "reflection-model.json";

    private static final Lazy<ReflectionJudge> BUILT_IN = new Lazy<>(ReflectionJudge::load);

    /** What the judge measures of a reflection; {@code closestPlatitudeSpan} is the unit most like a platitude. */
    public record Measures(double lexicalSpecific, double closestPlatitude, double closestStory, double closestCardExample,
                           double meanPlatitude, double logWords, double changedHabit, int[] closestPlatitudeSpan) {
        public double[] values() {
            return new double[] {lexicalSpecific, closestPlatitude, closestStory, closestCardExample, meanPlatitude,
                logWords, changedHabit};
        }
    }

    /** The model that ships with StarPace, loaded once. */
    public static ReflectionJudge builtIn() {
        return BUILT_IN.get();
    }

    private static ReflectionJudge load() {
        return ShippedModel.read(ReflectionJudge.class, RESOURCE, "the reflection model " + RESOURCE + " is missing: run engine/train-rules");
    }

    /** The probability that a reflection with these measures is specific to its story. */
    public double specific(Measures m) {
        return Logit.probability(weights, m.values());
    }

}
