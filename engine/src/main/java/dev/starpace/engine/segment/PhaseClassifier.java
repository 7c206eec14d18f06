package dev.starpace.engine.segment;

import dev.starpace.engine.Phase;

/**
 * The log-probability of each phase given a unit's standardised features: a small neural network with one tanh
 * hidden layer ({@code hidden}, one row per hidden unit, bias last), or plain multinomial logistic regression when
 * {@code hidden} is empty. {@code weights[p]} reads the hidden layer (or the features) and ends with the bias.
 * Fitted by {@code train.SegmenterTraining}.
 */
public record PhaseClassifier(double[] mean, double[] scale, double[][] hidden, double[][] weights) {
    private static final int P = Phase.values().length;

    public PhaseClassifier {
        hidden = hidden == null ? new double[0][] : hidden;
        if (weights.length != P || mean.length != scale.length) {
            throw new IllegalArgumentException("a phase classifier needs " + P + " weight rows over its features");
        }
        for (double[] h : hidden) {
            if (h.length != mean.length + 1) {
                throw new IllegalArgumentException("hidden rows must have one weight per feature plus a bias");
            }
        }
        int inputs = hidden.length == 0 ? mean.length : hidden.length;
        for (double[] w : weights) {
            if (w.length != inputs + 1) {
                throw new IllegalArgumentException("weight rows must have one weight per input plus a bias");
            }
        }
    }

    public int dimensions() {
        return mean.length;
    }

    /** log P(phase | features), for every phase. */
    public double[] logProbabilities(double[] features) {
        if (features.length != mean.length) {
            throw new IllegalArgumentException("expected " + mean.length + " features, got " + features.length);
        }
        double[] z = new double[mean.length];
        for (int i = 0; i < z.length; i++) {
            z[i] = (features[i] - mean[i]) / scale[i];
        }
        double[] in = hidden.length == 0 ? z : hiddenLayer(hidden, z);
        double[] out = new double[P];
        for (int p = 0; p < P; p++) {
            out[p] = affine(weights[p], in);
        }
        return logSoftmax(out);
    }

    /** tanh of each hidden unit's weighted sum. */
    public static double[] hiddenLayer(double[][] hidden, double[] z) {
        double[] h = new double[hidden.length];
        for (int k = 0; k < h.length; k++) {
            h[k] = Math.tanh(affine(hidden[k], z));
        }
        return h;
    }

    /** w · x + bias, the bias being w's last entry. */
    public static double affine(double[] w, double[] x) {
        double s = w[x.length];
        for (int i = 0; i < x.length; i++) {
            s += w[i] * x[i];
        }
        return s;
    }

    /** Normalises scores into log-probabilities, stably. */
    public static double[] logSoftmax(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (double v : z) {
            sum += Math.exp(v - max);
        }
        double log = max + Math.log(sum);
        double[] out = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            out[i] = z[i] - log;
        }
        return out;
    }
}
