package dev.starpace.engine.segment;

/** The best phase sequence over units under the phase chain (exact Viterbi), and how likely each phase is per unit. */
public final class UnitViterbi {
    private UnitViterbi() {
    }

    /** The best state per unit given each unit's emission scores and the model's opening and move log-probabilities. */
    public static int[] decode(double[][] emissions, double[] open, double[][] move) {
        int n = emissions.length;
        int[] path = new int[n];
        if (n == 0) {
            return path;
        }
        int states = open.length;
        double[] score = new double[states];
        int[][] back = new int[n][states];
        for (int p = 0; p < states; p++) {
            score[p] = open[p] + emissions[0][p];
        }
        for (int u = 1; u < n; u++) {
            double[] next = new double[states];
            for (int p = 0; p < states; p++) {
                double best = Double.NEGATIVE_INFINITY;
                int arg = 0;
                for (int q = 0; q < states; q++) {
                    double s = score[q] + move[q][p];
                    if (s > best) {
                        best = s;
                        arg = q;
                    }
                }
                next[p] = best + emissions[u][p];
                back[u][p] = arg;
            }
            score = next;
        }
        int state = 0;
        for (int p = 1; p < states; p++) {
            if (score[p] > score[state]) {
                state = p;
            }
        }
        for (int u = n - 1; u >= 0; u--) {
            path[u] = state;
            state = back[u][state];
        }
        return path;
    }

    /** How likely each state is for each unit given every unit's evidence (forward-backward posterior marginals). */
    public static double[][] marginals(double[][] emissions, double[] open, double[][] move) {
        double[][] alpha = forward(emissions, open, move);
        double[][] beta = backward(emissions, move);
        int states = open.length;
        double[][] out = new double[emissions.length][states];
        for (int u = 0; u < emissions.length; u++) {
            double[] joint = new double[states];
            for (int p = 0; p < states; p++) {
                joint[p] = alpha[u][p] + beta[u][p];
            }
            double[] log = PhaseClassifier.logSoftmax(joint);
            for (int p = 0; p < states; p++) {
                out[u][p] = Math.exp(log[p]);
            }
        }
        return out;
    }

    /** Log-scores of every path ending in each state at each unit (the forward pass). */
    public static double[][] forward(double[][] emissions, double[] open, double[][] move) {
        int n = emissions.length;
        int states = open.length;
        double[][] alpha = new double[n][states];
        double[] t = new double[states];
        for (int u = 0; u < n; u++) {
            for (int p = 0; p < states; p++) {
                if (u == 0) {
                    alpha[u][p] = open[p] + emissions[u][p];
                    continue;
                }
                for (int q = 0; q < states; q++) {
                    t[q] = alpha[u - 1][q] + move[q][p];
                }
                alpha[u][p] = PhaseClassifier.logSumExp(t) + emissions[u][p];
            }
        }
        return alpha;
    }

    /** Log-scores of every continuation from each state at each unit to the end (the backward pass). */
    public static double[][] backward(double[][] emissions, double[][] move) {
        int n = emissions.length;
        int states = move.length;
        double[][] beta = new double[n][states];
        double[] t = new double[states];
        for (int u = n - 2; u >= 0; u--) {
            for (int q = 0; q < states; q++) {
                for (int p = 0; p < states; p++) {
                    t[p] = move[q][p] + emissions[u + 1][p] + beta[u + 1][p];
                }
                beta[u][q] = PhaseClassifier.logSumExp(t);
            }
        }
        return beta;
    }
}
