package dev.starpace.engine.segment;

import dev.starpace.engine.Phase;

/**
 * Linear scores of each phase over a unit's standardised features, as log-softmax. {@code weights[p]} has one
 * weight per feature and ends with the bias. Fitted, with the moves around it, by {@code train.SegmenterTraining}.
 */
public record PhaseClassifier(double[] mean, double[] scale, double[][] weights) {
    private static final int P = Phase.values().length;

    public PhaseClassifier {
        if (weights.length != P || mean.length != scale.length) {
            throw new IllegalArgumentException("a phase classifier needs " + P + " weight rows over its features");
        }
        for (double[] w : weights) {
            if (w.length != mean.length + 1) {
                throw new IllegalArgumentException("weight rows must have one weight per feature plus a bias");
            }
        }
    }

    public int dimensions() {
        return mean.length;
    }

    /** The phases' scores for a unit, normalised as log-probabilities of the unit alone. */
    public double[] logProbabilities(double[] features) {
        if (features.length != mean.length) {
            throw new IllegalArgumentException("expected " + mean.length + " features, got " + features.length);
        }
        double[] out = new double[P];
        for (int p = 0; p < P; p++) {
            double[] w = weights[p];
            double s = w[mean.length];
            for (int i = 0; i < mean.length; i++) {
                s += w[i] * (features[i] - mean[i]) / scale[i];
            }
            out[p] = s;
        }
        return logSoftmax(out);
    }

    /** w · x + bias, the bias being w's last entry. */
    public static double affine(double[] w, double[] x) {
        double s = w[x.length];
        for (int i = 0; i < x.length; i++) {
            s += w[i] * x[i];
        }
        return s;
    }

    /** log Σ exp(z), stably. */
    public static double logSumExp(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (double v : z) {
            sum += Math.exp(v - max);
        }
        return max + Math.log(sum);
    }

    /** Normalises scores into log-probabilities, stably. */
    public static double[] logSoftmax(double[] z) {
        double log = logSumExp(z);
        double[] out = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            out[i] = z[i] - log;
        }
        return out;
    }
}
