package dev.starpace.engine.segment.train;

import dev.starpace.engine.Phase;
import dev.starpace.engine.segment.PhaseChain;
import dev.starpace.engine.segment.PhaseClassifier;
import dev.starpace.engine.segment.Unit;
import dev.starpace.engine.segment.UnitViterbi;
import java.util.Arrays;
import java.util.List;

/**
 * Fits unit emissions and phase moves jointly as a linear-chain conditional random field: the likelihood of each
 * answer's whole label sequence, by forward-backward, each unit's terms weighted by its words, full-batch Adam, L2
 * penalties on the emission weights. The result decodes with the same Viterbi as the HMM: emission weights as a {@link PhaseClassifier} (a per-unit constant
 * does not change the best path), moves and openings as log-scores.
 */
final class CrfFit {
    private static final int P = Phase.values().length;
    static final int STEPS = 300;
    static final double RATE = 0.02;
    private static final double BETA1 = 0.9, BETA2 = 0.999, EPS = 1e-8;

    /**
     * One answer: its units' features, labels, and how much each unit counts ({@link #byWords}).
     */
    record Sequence(double[][] x, int[] labels, double[] weight) {
    }

    /**
     * Each unit counts by its words, scaled so an answer's units average 1: the measure the model is judged by is
     * time in the right phase, and a 25-word unit is five times the time of a 5-word one. (Cross-validated against
     * every unit counting once: +0.5 to +0.6 points on every view; docs/segmentation.md.)
     */
    static double[] byWords(List<Unit> units) {
        double[] weight = new double[units.size()];
        double total = 0;
        for (int u = 0; u < weight.length; u++) {
            weight[u] = units.get(u).size();
            total += weight[u];
        }
        for (int u = 0; u < weight.length; u++) {
            weight[u] *= weight.length / total;
        }
        return weight;
    }

    private CrfFit() {
    }

    /** @param penalty the L2 penalty on each standardised feature's emission weights (none on the biases) */
    static PhaseChain fit(List<Sequence> sequences, double[] penalty) {
        int d = sequences.get(0).x()[0].length;
        double[] mean = new double[d];
        double[] scale = new double[d];
        int n = 0;
        for (Sequence s : sequences) {
            for (double[] x : s.x()) {
                for (int j = 0; j < d; j++) {
                    mean[j] += x[j];
                }
                n++;
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        for (Sequence s : sequences) {
            for (double[] x : s.x()) {
                for (int j = 0; j < d; j++) {
                    scale[j] += (x[j] - mean[j]) * (x[j] - mean[j]);
                }
            }
        }
        for (int j = 0; j < d; j++) {
            scale[j] = Math.max(Math.sqrt(scale[j] / n), 1e-3);
        }
        double[][][] z = new double[sequences.size()][][];
        for (int k = 0; k < z.length; k++) {
            double[][] x = sequences.get(k).x();
            z[k] = new double[x.length][d];
            for (int u = 0; u < x.length; u++) {
                for (int j = 0; j < d; j++) {
                    z[k][u][j] = (x[u][j] - mean[j]) / scale[j];
                }
            }
        }
        // parameters: emission weights (P × d+1), moves (P × P), openings (P), all in one Adam state
        double[][] w = new double[P][d + 1];
        double[][] move = new double[P][P];
        double[] open = new double[P];
        double[][] gw = new double[P][d + 1];
        double[][] gm = new double[P][P];
        double[] go = new double[P];
        Moments mw = new Moments(P, d + 1), mm = new Moments(P, P), mo = new Moments(1, P);
        for (int step = 1; step <= STEPS; step++) {
            for (double[] g : gw) {
                Arrays.fill(g, 0);
            }
            for (double[] g : gm) {
                Arrays.fill(g, 0);
            }
            Arrays.fill(go, 0);
            for (int k = 0; k < z.length; k++) {
                accumulate(z[k], sequences.get(k).labels(), sequences.get(k).weight(), w, move, open, gw, gm, go, 1.0 / n);
            }
            for (int p = 0; p < P; p++) {
                for (int j = 0; j < d; j++) {
                    gw[p][j] += penalty[j] * w[p][j];
                }
            }
            mw.step(w, gw, step);
            mm.step(move, gm, step);
            mo.step(new double[][] {open}, new double[][] {go}, step);
        }
        return new PhaseChain(new PhaseClassifier(mean, scale, w), open, move);
    }

    /**
     * Adds the gradient of −log p(labels | z) for one sequence, scaled. The five phases' scores and gradient rows are
     * worked out in one pass over each unit's features ({@link #scores}, {@link #addScaled}): every sum is taken in
     * the same order as one phase at a time, so the fit is the same to the last bit, only faster.
     */
    private static void accumulate(double[][] z, int[] y, double[] weight, double[][] w, double[][] move, double[] open,
                                   double[][] gw, double[][] gm, double[] go, double scale) {
        int n = z.length;
        double[][] e = new double[n][];
        for (int u = 0; u < n; u++) {
            e[u] = scores(w, z[u]);
        }
        double[][] alpha = UnitViterbi.forward(e, open, move);
        double[][] beta = UnitViterbi.backward(e, move);
        double logZ = PhaseClassifier.logSumExp(alpha[n - 1]);
        double[] g = new double[P];
        for (int u = 0; u < n; u++) {
            for (int p = 0; p < P; p++) {
                double marginal = Math.exp(alpha[u][p] + beta[u][p] - logZ);
                g[p] = weight[u] * scale * (marginal - (y[u] == p ? 1 : 0));
                if (u == 0) {
                    go[p] += g[p];
                }
            }
            addScaled(gw, g, z[u]);
            if (u > 0) {
                for (int q = 0; q < P; q++) {
                    for (int p = 0; p < P; p++) {
                        double pair = Math.exp(alpha[u - 1][q] + move[q][p] + e[u][p] + beta[u][p] - logZ);
                        gm[q][p] += weight[u] * scale * (pair - (y[u - 1] == q && y[u] == p ? 1 : 0));
                    }
                }
            }
        }
    }

    /**
     * Each phase's {@link PhaseClassifier#affine} score of one unit, the five sums side by side in one pass over its
     * features (the fit's hot loop: five independent sums keep the processor busy where one waits on each addition).
     */
    static double[] scores(double[][] w, double[] x) {
        double[] w0 = w[0], w1 = w[1], w2 = w[2], w3 = w[3], w4 = w[4];
        int d = x.length;
        double s0 = w0[d], s1 = w1[d], s2 = w2[d], s3 = w3[d], s4 = w4[d];
        for (int j = 0; j < d; j++) {
            double xj = x[j];
            s0 += w0[j] * xj;
            s1 += w1[j] * xj;
            s2 += w2[j] * xj;
            s3 += w3[j] * xj;
            s4 += w4[j] * xj;
        }
        return new double[] {s0, s1, s2, s3, s4};
    }

    /** Adds {@code g[p]} times the unit's features (and its bias) to each phase's gradient row, in one pass. */
    private static void addScaled(double[][] gw, double[] g, double[] x) {
        double[] r0 = gw[0], r1 = gw[1], r2 = gw[2], r3 = gw[3], r4 = gw[4];
        double g0 = g[0], g1 = g[1], g2 = g[2], g3 = g[3], g4 = g[4];
        int d = x.length;
        for (int j = 0; j < d; j++) {
            double xj = x[j];
            r0[j] += g0 * xj;
            r1[j] += g1 * xj;
            r2[j] += g2 * xj;
            r3[j] += g3 * xj;
            r4[j] += g4 * xj;
        }
        r0[d] += g0;
        r1[d] += g1;
        r2[d] += g2;
        r3[d] += g3;
        r4[d] += g4;
    }

    private static final class Moments {
        final double[][] m, v;

        Moments(int rows, int columns) {
            m = new double[rows][columns];
            v = new double[rows][columns];
        }

        void step(double[][] w, double[][] g, int step) {
            double c1 = 1 - Math.pow(BETA1, step);
            double c2 = 1 - Math.pow(BETA2, step);
            for (int r = 0; r < w.length; r++) {
                for (int j = 0; j < w[r].length; j++) {
                    m[r][j] = BETA1 * m[r][j] + (1 - BETA1) * g[r][j];
                    v[r][j] = BETA2 * v[r][j] + (1 - BETA2) * g[r][j] * g[r][j];
                    w[r][j] -= RATE * (m[r][j] / c1) / (Math.sqrt(v[r][j] / c2) + EPS);
                }
            }
        }
    }
}
