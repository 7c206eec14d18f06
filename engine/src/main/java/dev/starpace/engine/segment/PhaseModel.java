package dev.starpace.engine.segment;

import dev.starpace.engine.Phase;
import dev.starpace.engine.text.Lexicon;

/**
 * The ordered-state model behind the segmenter: log-scores for the phase an answer opens with, for moving
 * from one phase to another, and for where a move may happen. Forward moves (S→T→A→R→F) are cheap; the
 * jumps real answers make are allowed at a price: skipping a phase, opening with the result as a hook and
 * going back to the situation, stepping back from the task or action to add context.
 */
public final class PhaseModel {
    private static final int N = Phase.values().length;

    // rows: from S, T, A, R, F; columns: to S, T, A, R, F (log-scores; the diagonal is staying put)
    private static final double[][] MOVE = {
        {0, -3.0, -4.0, -6.0, -8.0},
        {-4.5, 0, -3.0, -6.0, -8.0},
        {-8.0, -6.5, 0, -3.0, -5.5},
        {-4.0, -6.5, -5.5, 0, -3.0},
        {-9.0, -9.0, -8.0, -5.0, 0},
    };
    private static final double[] OPEN = {0, -3.5, -4.0, -3.5, -6.0};

    /** Extra cost of changing phase mid-clause, at a likely clause start, and after a pause. */
    private static final double[] BOUNDARY_COST = {4.0, 1.5, 0.0};

    /** A pause this long (seconds) between two words marks a likely sentence boundary. */
    public static final double BOUNDARY_PAUSE = 0.3;

    public double open(Phase p) {
        return OPEN[p.ordinal()];
    }

    public double move(int from, int to) {
        return MOVE[from][to];
    }

    /** 0: inside a clause, 1: a word that often opens one, 2: after a pause. */
    public int boundary(String word, double gapBefore) {
        if (gapBefore >= BOUNDARY_PAUSE) {
            return 2;
        }
        return Lexicon.CLAUSE_OPENERS.contains(word) ? 1 : 0;
    }

    public double boundaryCost(int boundary) {
        return BOUNDARY_COST[boundary];
    }

    static int phases() {
        return N;
    }
}
