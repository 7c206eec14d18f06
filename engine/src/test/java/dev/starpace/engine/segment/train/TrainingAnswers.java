package dev.starpace.engine.segment.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The answers the segmenter trains on, read from the folders {@code engine/train-segmenter} passes it. */
final class TrainingAnswers {
    /** The corpus folders beside the shared samples, as in engine/train-segmenter. */
    static final List<String> CORPUS = List.of("src/test/resources/more-answers", "corpus", "corpus/varied");

    private TrainingAnswers() {
    }

    /** The ten shared samples (fold 0 of every cross-validation). */
    static List<LabelledAnswer> samples() {
        return LabelledAnswer.readAll(Path.of("src/test/resources/samples"));
    }

    /** Every corpus answer trained on. */
    static List<LabelledAnswer> corpus() {
        List<LabelledAnswer> out = new ArrayList<>();
        CORPUS.forEach(folder -> out.addAll(LabelledAnswer.readAll(Path.of(folder))));
        return out;
    }
}
