package dev.starpace.engine.segment;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.starpace.engine.Phase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The trained STAR model: a phase classifier for finished answers (position = share of the answer), one for live
 * answers (position = share of the level's budget), and the ordered hidden Markov model that strings unit labels
 * into a phase sequence — its opening and move log-probabilities counted from labelled answers. Built by
 * {@code train.SegmenterTraining} into {@code star-model.json} beside this class.
 *
 * @param encoder       the sentence encoder the classifiers were fitted on
 * @param whole         emissions when the whole answer is known
 * @param live          emissions while the answer is being spoken
 * @param open          log P(first unit's phase)
 * @param move          log P(next unit's phase | this unit's phase)
 * @param prior         log P(phase) over training units, divided out of the classifier's posteriors
 * @param emissionScale weight of the classifier's evidence against the moves (chosen by cross-validation)
 */
public record StarModel(String encoder, PhaseClassifier whole, PhaseClassifier live, double[] open, double[][] move,
                        double[] prior, double emissionScale) {
    public static final String RESOURCE = "star-model.json";
    public static final String ENCODER = "all-MiniLM-L6-v2-q";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile StarModel builtIn;

    /** The model that ships with StarPace, loaded once. */
    public static StarModel builtIn() {
        StarModel m = builtIn;
        if (m == null) {
            synchronized (StarModel.class) {
                m = builtIn;
                if (m == null) {
                    m = builtIn = load();
                }
            }
        }
        return m;
    }

    private static StarModel load() {
        try (InputStream in = StarModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the STAR model " + RESOURCE + " is missing: run the segmenter training");
            }
            return JSON.readValue(in, StarModel.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The decoder's score of each phase for a unit: scaled log-likelihood from the classifier's posterior. */
    public double[] emission(PhaseClassifier classifier, double[] features) {
        double[] lp = classifier.logProbabilities(features);
        for (int p = 0; p < lp.length; p++) {
            lp[p] = emissionScale * (lp[p] - PRIOR_WEIGHT * prior[p]);
        }
        return lp;
    }

    static final double PRIOR_WEIGHT = Double.parseDouble(System.getProperty("x.prior", "1"));

    static int phases() {
        return Phase.values().length;
    }
}
