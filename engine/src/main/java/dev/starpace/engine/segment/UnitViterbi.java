package dev.starpace.engine.segment;

/** The best phase sequence over units under the ordered HMM: exact Viterbi, used for finished answers. */
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
}
