package dev.starpace.engine.segment.train;

import dev.starpace.engine.Phase;
import dev.starpace.engine.segment.PhaseClassifier;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Fits a {@link PhaseClassifier}: weighted cross-entropy with an L2 penalty, by full-batch Adam for a fixed number
 * of steps — over the standardised features directly (multinomial logistic regression) or through one tanh hidden
 * layer. Seeded start, fixed order of sums: the same data gives the same weights on every run.
 */
final class SoftmaxFit {
    private static final int P = Phase.values().length;
    static final int STEPS = 300;
    static final double RATE = 0.02;
    private static final double BETA1 = 0.9, BETA2 = 0.999, EPS = 1e-8;

    private SoftmaxFit() {
    }

    /**
     * @param xs      one feature vector per example
     * @param labels  each example's phase (ordinal)
     * @param weights each example's weight (its words, so long units count as much as the time they cover)
     * @param lambda  L2 penalty on the weights
     * @param hiddenUnits size of the hidden layer, 0 for none
     * @param seed    seeds the hidden layer's starting weights
     */
    static PhaseClassifier fit(List<double[]> xs, int[] labels, double[] weights, double lambda, int hiddenUnits,
                               long seed) {
        int n = xs.size();
        int d = xs.get(0).length;
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (int i = 0; i < n; i++) {
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
        int h = hiddenUnits;
        int in = h == 0 ? d : h;
        Random random = new Random(seed);
        double bound = Math.sqrt(6.0 / (d + Math.max(h, 1)));
        Adam first = new Adam(h, d + 1);
        for (double[] row : first.w) {
            for (int j = 0; j < d; j++) {
                row[j] = (2 * random.nextDouble() - 1) * bound;
            }
        }
        Adam last = new Adam(P, in + 1);
        double[] out = new double[P];
        double[] err = new double[P];
        double[] act = new double[h];
        for (int step = 1; step <= STEPS; step++) {
            first.zero();
            last.zero();
            for (int i = 0; i < n; i++) {
                double[] zi = z[i];
                double[] input = zi;
                if (h > 0) {
                    for (int k = 0; k < h; k++) {
                        act[k] = Math.tanh(PhaseClassifier.affine(first.w[k], zi));
                    }
                    input = act;
                }
                for (int p = 0; p < P; p++) {
                    out[p] = PhaseClassifier.affine(last.w[p], input);
                }
                double[] lp = PhaseClassifier.logSoftmax(out);
                double wi = weights[i] / total;
                for (int p = 0; p < P; p++) {
                    err[p] = wi * (Math.exp(lp[p]) - (labels[i] == p ? 1 : 0));
                    double[] g = last.grad[p];
                    for (int j = 0; j < in; j++) {
                        g[j] += err[p] * input[j];
                    }
                    g[in] += err[p];
                }
                for (int k = 0; k < h; k++) {
                    double back = 0;
                    for (int p = 0; p < P; p++) {
                        back += err[p] * last.w[p][k];
                    }
                    back *= 1 - act[k] * act[k];
                    double[] g = first.grad[k];
                    for (int j = 0; j < d; j++) {
                        g[j] += back * zi[j];
                    }
                    g[d] += back;
                }
            }
            first.step(step, lambda);
            last.step(step, lambda);
        }
        return new PhaseClassifier(mean, scale, first.w, last.w);
    }

    /** Weights, their gradient and Adam's moment estimates; the last column is a bias, not penalised. */
    private static final class Adam {
        final double[][] w, grad, m, v;

        Adam(int rows, int columns) {
            w = new double[rows][columns];
            grad = new double[rows][columns];
            m = new double[rows][columns];
            v = new double[rows][columns];
        }

        void zero() {
            for (double[] g : grad) {
                Arrays.fill(g, 0);
            }
        }

        void step(int step, double lambda) {
            double c1 = 1 - Math.pow(BETA1, step);
            double c2 = 1 - Math.pow(BETA2, step);
            for (int r = 0; r < w.length; r++) {
                int columns = w[r].length;
                for (int j = 0; j < columns; j++) {
                    double g = grad[r][j] + (j < columns - 1 ? lambda * w[r][j] : 0);
                    m[r][j] = BETA1 * m[r][j] + (1 - BETA1) * g;
                    v[r][j] = BETA2 * v[r][j] + (1 - BETA2) * g * g;
                    w[r][j] -= RATE * (m[r][j] / c1) / (Math.sqrt(v[r][j] / c2) + EPS);
                }
            }
        }
    }
}
