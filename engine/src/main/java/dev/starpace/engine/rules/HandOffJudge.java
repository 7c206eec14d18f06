package dev.starpace.engine.rules;

import dev.starpace.engine.Lazy;
import dev.starpace.engine.ShippedModel;
import dev.starpace.engine.segment.SentenceEncoder;
import dev.starpace.engine.segment.Unit;
import dev.starpace.engine.segment.UnitCutter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Whether a stretch of speech hands the work to someone else ("I told the ops team and they looked into it", "my
 * manager asked me to check") or is the speaker's own move, an escalation included ("I escalated to the security
 * on-call right away" when a key leaked is the right call). Phrase lists cannot tell these apart, so a logistic model
 * judges each unit of speech (the segmenter's clause or sentence, {@link UnitCutter}) on its sentence vector and on
 * whether a hand-off phrase is in it; fitted and cross-validated by writer by {@code train.HandOffTraining} into
 * {@code handoff-model.json}.
 *
 * @param weights one per vector dimension, then the phrase flag, then the bias
 */
public record HandOffJudge(double[] weights) {
    public static final String RESOURCE = "handoff-model.json";
    /** Units' vectors kept (1.5 kB each): a few answers' worth, for a doubted verdict that re-reads the same units. */

    private static final Lazy<HandOffJudge> BUILT_IN = new Lazy<>(HandOffJudge::load);
    private static final Lazy<Function<String, float[]>> ENCODER =
        new Lazy<>(() -> RememberingEncoder.of(SentenceEncoder.shared()::encode));

    /** The model that ships with StarPace, loaded once. */
    public static HandOffJudge builtIn() {
        return BUILT_IN.get();
    }

    private static HandOffJudge load() {
        return ShippedModel.read(HandOffJudge.class, RESOURCE, "the hand-off model " + RESOURCE + " is missing: run engine/train-rules");
    }

    /** The measures of one unit: its sentence vector and whether a hand-off phrase starts in it (1 or 0). */
    public static double[] measures(float[] vector, boolean phrase) {
        double[] x = new double[vector.length + 1];
        for (int i = 0; i < vector.length; i++) {
            x[i] = vector[i];
        }
        x[vector.length] = phrase ? 1 : 0;
        return x;
    }

    /** The probability that a unit with these measures hands the work off. */
    public double handsOff(double[] measures) {
        return Logit.probability(weights, measures);
    }

    /** A unit of the answer, [from, to), with its measures. */
    public record Scored(int from, int to, double probability) {
    }

    /** Every unit of the answer with the probability that it hands the work off; {@code phrases} marks phrase starts. */
    public List<Scored> score(Answer answer, boolean[] phraseAt) {
        List<Scored> out = new ArrayList<>();
        for (Unit u : UnitCutter.cut(answer.words())) {
            boolean phrase = false;
            for (int i = u.from(); i < u.to(); i++) {
                phrase |= phraseAt[i];
            }
            String text = String.join(" ", answer.tokens().subList(u.from(), u.to()));
            out.add(new Scored(u.from(), u.to(), handsOff(measures(ENCODER.get().apply(text), phrase))));
        }
        return out;
    }
}
