package dev.starpace.engine.segment.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starpace.engine.segment.SentenceEncoder;
import dev.starpace.engine.segment.StarModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shipped model on {@code corpus/external-check}: 60 tidy written answers in the style of career-centre and
 * interview-prep examples, by twelve writers' voices, never trained on and never used to choose anything
 * ({@code engine/train-segmenter --check corpus/external-check}). Floors are two points under the measured figures;
 * the position-only rule is fitted on the training answers, as in every other figure.
 */
class ExternalCheckTest {
    static final double WORDS = 0.934;
    static final double UNDER_80 = 0.864;
    static final double LEAD = 0.081;

    @Test
    void theShippedModelHoldsOnTidyAnswersItNeverSawAndBeatsPositionAlone() {
        List<LabelledAnswer> samples = TrainingAnswers.samples();
        List<LabelledAnswer> corpus = TrainingAnswers.corpus();
        List<LabelledAnswer> check = LabelledAnswer.readAll(Path.of("corpus/external-check"));
        var report = new SegmenterTraining(SentenceEncoder.shared()::encode)
            .heldOut(StarModel.builtIn(), samples, corpus, check);
        System.out.print(report.words().table(SegmenterTraining.LEARNED, SegmenterTraining.POSITION));
        HeldOutScores words = report.words();
        double learned = words.pooled(SegmenterTraining.LEARNED).share();
        double position = words.pooled(SegmenterTraining.POSITION).share();
        assertTrue(learned >= WORDS - 0.02, "words in the right phase: " + learned);
        assertTrue(learned - position >= LEAD - 0.02, "ahead of position alone: " + learned + " vs " + position);
        Map<String, WordTally> byLength = words.by(SegmenterTraining.LEARNED, a -> LengthClass.of(a.wordCount()).name());
        double under80 = byLength.get(LengthClass.UNDER_80.name()).share();
        assertTrue(under80 >= UNDER_80 - 0.02, "answers under 80 words: " + under80);
    }
}
