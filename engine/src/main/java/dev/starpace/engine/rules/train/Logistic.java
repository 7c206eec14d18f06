package dev.starpace.engine.rules.train;

import dev.starpace.engine.segment.train.SegmenterTraining;

/**
 * Logistic regression for the rules' learned judges: full-batch gradient descent from zero on standardised measures,
 * an L2 penalty on the standardised weights; deterministic. Returns the weights in raw units, then the bias, rounded.
 */
final class Logistic {
    static final int STEPS = 3000;
    static final double RATE = 0.5;

    private Logistic() {
    }

    static double[] fit(double[][] x, boolean[] y, double lambda) {
        int d = x[0].length;
        int n = x.length;
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (double[] r : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += r[j] / n;
            }
        }
        for (double[] r : x) {
            for (int j = 0; j < d; j++) {
                scale[j] += (r[j] - mean[j]) * (r[j] - mean[j]) / n;
            }
        }
        for (int j = 0; j < d; j++) {
            scale[j] = Math.max(1e-6, Math.sqrt(scale[j]));
        }
        double[] v = new double[d + 1];
        for (int step = 0; step < STEPS; step++) {
            double[] g = new double[d + 1];
            for (int i = 0; i < n; i++) {
                double s = v[d];
                for (int j = 0; j < d; j++) {
                    s += v[j] * (x[i][j] - mean[j]) / scale[j];
                }
                double err = 1 / (1 + Math.exp(-s)) - (y[i] ? 1 : 0);
                for (int j = 0; j < d; j++) {
                    g[j] += err * (x[i][j] - mean[j]) / scale[j] / n;
                }
                g[d] += err / n;
            }
            for (int j = 0; j < d; j++) {
                g[j] += lambda * v[j];
            }
            for (int j = 0; j <= d; j++) {
                v[j] -= RATE * g[j];
            }
        }
        double[] w = new double[d + 1];
        w[d] = v[d];
        for (int j = 0; j < d; j++) {
            w[j] = v[j] / scale[j];
            w[d] -= v[j] * mean[j] / scale[j];
        }
        return SegmenterTraining.round(w);
    }
}
