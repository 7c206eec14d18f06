package dev.starpace.engine.segment.train;

import dev.starpace.engine.Phase;
import dev.starpace.engine.segment.PhaseClassifier;
import java.util.List;

/**
 * Fits a {@link PhaseClassifier}: weighted multinomial logistic regression with an L2 penalty, by full-batch Adam
 * for a fixed number of steps from zero weights. No randomness and a fixed order of sums, so the same data gives
 * the same weights on every run.
 */
final class SoftmaxFit {
    private static final int P = Phase.values().length;
    static final int STEPS = 300;
    static final double RATE = 0.02;

    private SoftmaxFit() {
    }

    /**
     * @param xs      one feature vector per example
     * @param labels  each example's phase (ordinal)
     * @param weights each example's weight (its words, so long units count as much as the time they cover)
     * @param lambda  L2 penalty on the standardised weights
     */
    static PhaseClassifier fit(List<double[]> xs, int[] labels, double[] weights, double lambda) {
        int n = xs.size();
        int d = xs.get(0).length;
        double[] mean = new double[d];
        double[] scale = new double[d];
        double total = 0;
        for (int i = 0; i < n; i++) {
            total += weights[i];
            for (int j = 0; j < d; j++) {
                mean[j] += weights[i] * xs.get(i)[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= total;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                double c = xs.get(i)[j] - mean[j];
                scale[j] += weights[i] * c * c;
            }
        }
        for (int j = 0; j < d; j++) {
            scale[j] = Math.max(Math.sqrt(scale[j] / total), 1e-3);
        }
        double[][] z = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                z[i][j] = (xs.get(i)[j] - mean[j]) / scale[j];
            }
        }
        double[][] w = new double[P][d + 1];
        double[][] m = new double[P][d + 1];
        double[][] v = new double[P][d + 1];
        double[][] grad = new double[P][d + 1];
        double[] score = new double[P];
        double beta1 = 0.9, beta2 = 0.999, eps = 1e-8;
        for (int step = 1; step <= STEPS; step++) {
            for (double[] g : grad) {
                java.util.Arrays.fill(g, 0);
            }
            for (int i = 0; i < n; i++) {
                double[] zi = z[i];
                for (int p = 0; p < P; p++) {
                    double s = w[p][d];
                    double[] wp = w[p];
                    for (int j = 0; j < d; j++) {
                        s += wp[j] * zi[j];
                    }
                    score[p] = s;
                }
                double[] lp = PhaseClassifier.logSoftmax(score);
                double wi = weights[i] / total;
                for (int p = 0; p < P; p++) {
                    double err = wi * (Math.exp(lp[p]) - (labels[i] == p ? 1 : 0));
                    if (err == 0) {
                        continue;
                    }
                    double[] gp = grad[p];
                    for (int j = 0; j < d; j++) {
                        gp[j] += err * zi[j];
                    }
                    gp[d] += err;
                }
            }
            double c1 = 1 - Math.pow(beta1, step);
            double c2 = 1 - Math.pow(beta2, step);
            for (int p = 0; p < P; p++) {
                for (int j = 0; j <= d; j++) {
                    double g = grad[p][j] + (j < d ? lambda * w[p][j] : 0);
                    m[p][j] = beta1 * m[p][j] + (1 - beta1) * g;
                    v[p][j] = beta2 * v[p][j] + (1 - beta2) * g * g;
                    w[p][j] -= RATE * (m[p][j] / c1) / (Math.sqrt(v[p][j] / c2) + eps);
                }
            }
        }
        return new PhaseClassifier(mean, scale, w);
    }
}
