package dev.starpace.engine.segment;

/**
 * A linear-chain model of an answer's phases over its units: emission scores from the units' features, and opening
 * and move scores between phases, all fitted jointly on labelled answers (a conditional random field). The best
 * phase sequence is found by Viterbi over {@link #emission} plus {@link #move}.
 *
 * @param emissions scores each phase from a unit's features (their log-softmax: a per-unit constant does not change
 *                  the best path)
 * @param open      score of the first unit's phase
 * @param move      score of moving from one unit's phase (row) to the next unit's (column)
 */
public record PhaseChain(PhaseClassifier emissions, double[] open, double[][] move) {
    public double[] emission(double[] features) {
        return emissions.logProbabilities(features);
    }
}
