package dev.starpace.engine.segment.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.starpace.engine.segment.PhaseClassifier;
import dev.starpace.engine.segment.SentenceEncoder;
import dev.starpace.engine.segment.StarModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped STAR model is what the training command makes from the committed answers, and cross-validation
 * (no answer on both sides of a fold) still reaches the figures in docs/segmentation.md, less two points.
 */
class SegmenterTrainingTest {
    /** Cross-validated figures measured by {@code engine/train-segmenter --cv} (docs/segmentation.md). */
    static final double CV_STEADY = 0.895;
    static final double CV_SPOKEN = 0.888;
    static final double CV_NO_PAUSES = 0.865;
    static final double CV_DURATION_ERROR = 2.14;

    private static List<LabelledAnswer> samples;
    private static List<LabelledAnswer> corpus;
    private static SegmenterTraining training;

    @BeforeAll
    static void load() {
        samples = LabelledAnswer.readAll(Path.of("src/test/resources/samples"));
        corpus = new java.util.ArrayList<>(LabelledAnswer.readAll(Path.of("src/test/resources/more-answers")));
        corpus.addAll(LabelledAnswer.readAll(Path.of("corpus")));
        training = new SegmenterTraining(SegmenterTraining.caching(SentenceEncoder.shared()::encode, null));
    }

    @Test
    void theCorpusCoversEveryLevelWithAtLeastEightyAnswersOfItsOwn() {
        assertEquals(10, samples.size());
        assertTrue(corpus.size() >= 80, "labelled answers beside the samples: " + corpus.size());
        for (var level : dev.starpace.engine.Level.values()) {
            assertTrue(corpus.stream().filter(a -> a.level() == level).count() >= 15, "answers at " + level);
        }
    }

    @Test
    void theShippedModelIsWhatTrainingMakes() throws IOException {
        ObjectMapper json = new ObjectMapper();
        StarModel rebuilt = json.readValue(SegmenterTraining.write(training.trainAll(samples, corpus)), StarModel.class);
        StarModel shipped = StarModel.builtIn();
        assertEquals(shipped.encoder(), rebuilt.encoder());
        assertClose(shipped.open(), rebuilt.open(), "open");
        assertClose(shipped.prior(), rebuilt.prior(), "prior");
        for (int p = 0; p < shipped.move().length; p++) {
            assertClose(shipped.move()[p], rebuilt.move()[p], "move");
        }
        assertClassifier(shipped.whole(), rebuilt.whole(), "whole");
        assertClassifier(shipped.live(), rebuilt.live(), "live");
    }

    @Test
    void crossValidatedAgreementHoldsAndBeatsTheCuesAndTheNaiveSplit() {
        var report = training.crossValidate(samples, corpus, SegmenterTraining.LAMBDA, SegmenterTraining.EMISSION_SCALE)
            .byMethodAndView();
        report.forEach((k, v) -> System.out.printf("%-20s %s%n", k, v));
        assertTrue(report.get("learned steady").timeInRightPhase() >= CV_STEADY - 0.02, "steady");
        assertTrue(report.get("learned spoken").timeInRightPhase() >= CV_SPOKEN - 0.02, "spoken");
        assertTrue(report.get("learned no-pauses").timeInRightPhase() >= CV_NO_PAUSES - 0.02, "no pauses");
        assertTrue(report.get("learned spoken").medianDurationError() <= CV_DURATION_ERROR + 0.5, "duration error");
        for (String view : List.of("steady", "spoken", "no-pauses")) {
            double learned = report.get("learned " + view).timeInRightPhase();
            assertTrue(learned > report.get("cues " + view).timeInRightPhase(), "learned beats the cues: " + view);
            assertTrue(learned > report.get("naive " + view).timeInRightPhase(), "learned beats the naive split: " + view);
        }
    }

    private static void assertClassifier(PhaseClassifier shipped, PhaseClassifier rebuilt, String name) {
        assertClose(shipped.mean(), rebuilt.mean(), name + " mean");
        assertClose(shipped.scale(), rebuilt.scale(), name + " scale");
        for (int p = 0; p < shipped.weights().length; p++) {
            assertClose(shipped.weights()[p], rebuilt.weights()[p], name + " weights");
        }
    }

    /** Equal to the six digits the resource keeps, give or take the last one (the encoder's float sums). */
    private static void assertClose(double[] shipped, double[] rebuilt, String what) {
        assertEquals(shipped.length, rebuilt.length, what + " size");
        for (int i = 0; i < shipped.length; i++) {
            double tolerance = 1e-4 * Math.max(1, Math.abs(shipped[i]));
            assertEquals(shipped[i], rebuilt[i], tolerance, what + "[" + i + "]: retrain with engine/train-segmenter");
        }
    }
}
