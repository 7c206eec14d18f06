package dev.starpace.engine.samples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starpace.engine.Analyzer;
import dev.starpace.engine.Phase;
import dev.starpace.engine.bank.QuestionBank;
import dev.starpace.engine.segment.OnlineSegmenter;
import dev.starpace.engine.transcript.Word;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Word-level phase accuracy on the labelled samples, with the generic card (no card-specific cues). */
class SegmentationAccuracyTest {
    private final Analyzer analyzer = new Analyzer(QuestionBank.builtIn());

    @Test
    void atLeastNinetyPercentOfWordsLandInTheirLabelledPhase() {
        double accuracy = accuracy(LabelledSample.all(), LabelledSample::words, true);
        assertTrue(accuracy >= 0.90, "word accuracy " + accuracy);
    }

    @Test
    void stillMostlyRightWhenTheRecognizerLeavesNoPausesBetweenSentences() {
        double accuracy = accuracy(LabelledSample.all(), LabelledSample::withoutPauses, true);
        assertTrue(accuracy >= 0.85, "word accuracy without pauses " + accuracy);
    }

    @Test
    void answersInOtherStylesAreSegmentedAsWell() {
        assertTrue(accuracy(LabelledSample.more(), LabelledSample::words, false) >= 0.90);
        assertTrue(accuracy(LabelledSample.more(), LabelledSample::withoutPauses, false) >= 0.85);
    }

    private double accuracy(List<LabelledSample> samples, Function<LabelledSample, List<Word>> words, boolean print) {
        int right = 0;
        int total = 0;
        for (LabelledSample sample : samples) {
            OnlineSegmenter segmenter = analyzer.segmenter(analyzer.bank().defaultCard());
            words.apply(sample).forEach(segmenter::accept);
            List<Phase> got = segmenter.phases();
            int ok = 0;
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < got.size(); i++) {
                ok += got.get(i) == sample.gold().get(i) ? 1 : 0;
                line.append(got.get(i).letter());
            }
            if (print) {
                System.out.printf("%-30s %5.1f%%%n", sample.id(), 100.0 * ok / got.size());
                StringBuilder gold = new StringBuilder();
                sample.gold().forEach(p -> gold.append(p.letter()));
                System.out.println("  gold " + gold);
                System.out.println("  got  " + line);
            }
            right += ok;
            total += got.size();
        }
        double accuracy = (double) right / total;
        System.out.printf("overall %.1f%%%n", 100 * accuracy);
        return accuracy;
    }
}
