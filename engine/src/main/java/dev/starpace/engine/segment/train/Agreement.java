package dev.starpace.engine.segment.train;

import dev.starpace.engine.Phase;
import dev.starpace.engine.timing.Timing;
import dev.starpace.engine.transcript.Word;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How well predicted phases agree with labelled ones, measured the way a user feels it: time in the right phase
 * (each word owns the time until the next word starts, as the phase timers count it) and the error in each
 * phase's total seconds.
 */
public record Agreement(double rightSeconds, double totalSeconds, List<Double> durationErrors) {

    public static Agreement of(List<Word> words, List<Phase> gold, List<Phase> predicted) {
        double right = 0, total = 0;
        Map<Phase, Double> goldTime = new EnumMap<>(Phase.class);
        Map<Phase, Double> predictedTime = new EnumMap<>(Phase.class);
        for (int i = 0; i < words.size(); i++) {
            double t = Timing.wordSeconds(words, i);
            total += t;
            right += gold.get(i) == predicted.get(i) ? t : 0;
            goldTime.merge(gold.get(i), t, Double::sum);
            predictedTime.merge(predicted.get(i), t, Double::sum);
        }
        List<Double> errors = new ArrayList<>();
        for (Phase p : Phase.values()) {
            if (goldTime.containsKey(p) || predictedTime.containsKey(p)) {
                errors.add(Math.abs(goldTime.getOrDefault(p, 0.0) - predictedTime.getOrDefault(p, 0.0)));
            }
        }
        return new Agreement(right, total, errors);
    }

    public static Agreement pooled(List<Agreement> all) {
        double right = 0, total = 0;
        List<Double> errors = new ArrayList<>();
        for (Agreement a : all) {
            right += a.rightSeconds;
            total += a.totalSeconds;
            errors.addAll(a.durationErrors);
        }
        return new Agreement(right, total, errors);
    }

    /** Share of spoken time in the right phase. */
    public double timeInRightPhase() {
        return totalSeconds == 0 ? 0 : rightSeconds / totalSeconds;
    }

    /** Median error of a phase's seconds, over every phase heard in the labels or the prediction. */
    public double medianDurationError() {
        List<Double> sorted = new ArrayList<>(durationErrors);
        sorted.sort(Double::compare);
        int n = sorted.size();
        if (n == 0) {
            return 0;
        }
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    @Override
    public String toString() {
        return String.format("%.1f %% of time in the right phase, phase-duration error median %.2f s",
            100 * timeInRightPhase(), medianDurationError());
    }
}
