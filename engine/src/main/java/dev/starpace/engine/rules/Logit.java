package dev.starpace.engine.rules;

/** The probability a logistic model gives: weights per measure, then the bias. */
public final class Logit {
    private Logit() {
    }

    public static double probability(double[] weights, double[] x) {
        double s = weights[x.length];
        for (int i = 0; i < x.length; i++) {
            s += weights[i] * x[i];
        }
        return 1 / (1 + Math.exp(-s));
    }
}
