package dev.starpace.benchmarks;

import dev.starpace.engine.Phase;
import dev.starpace.engine.segment.CueBook;
import dev.starpace.engine.segment.SentenceEncoder;
import dev.starpace.engine.segment.StarModel;
import dev.starpace.engine.segment.StarSegmenter;
import dev.starpace.engine.segment.Unit;
import dev.starpace.engine.segment.UnitCutter;
import dev.starpace.engine.transcript.Word;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The learned segmenter's cost: encoding one unit of speech (the sentence encoder dominates), and labelling a whole
 * answer (every unit encoded, classified and decoded), per answer length.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StarSegmenterBenchmark {
    /** A two-minute answer is about 300 words; 1,500 is a long rambling one. */
    @Param({"300", "1500"})
    public int words;

    private final StarSegmenter segmenter = StarSegmenter.standard();
    private final StarModel model = StarModel.builtIn();
    private final CueBook cues = CueBook.standard();
    private List<Word> answer;
    private List<String> tokens;
    private List<Unit> units;
    private List<float[]> vectors;
    private int middle;

    @Setup
    public void setUp() {
        answer = Transcripts.ofLength(words);
        tokens = StarSegmenter.tokens(answer);
        units = UnitCutter.cut(answer);
        vectors = units.stream().map(u -> SentenceEncoder.shared().encode(StarSegmenter.text(tokens, u))).toList();
        middle = units.size() / 2;
    }

    /** One unit as it closes: encode it, build its features, score its phases. */
    @Benchmark
    public double[] perUnit() {
        Unit unit = units.get(middle);
        float[] vector = SentenceEncoder.shared().encode(StarSegmenter.text(tokens, unit));
        List<float[]> around = new java.util.ArrayList<>(vectors);
        around.set(middle, vector);
        double[] x = StarSegmenter.features(tokens, units, around, middle, false,
            StarSegmenter.livePlacement(answer, unit, answer.get(0).start(), 150), cues);
        return model.live().emission(x);
    }

    /** A finished answer labelled whole. */
    @Benchmark
    public List<Phase> wholeAnswer() {
        return segmenter.label(answer);
    }
}
