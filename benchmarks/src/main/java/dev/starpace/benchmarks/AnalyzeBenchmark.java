package dev.starpace.benchmarks;

import dev.starpace.engine.Analyzer;
import dev.starpace.engine.Level;
import dev.starpace.engine.ScoredTranscript;
import dev.starpace.engine.bank.QuestionBank;
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

/** Scoring a whole answer: segmentation, timing, the card's rules, delivery, score and verdict. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AnalyzeBenchmark {
    /** A two-minute answer is about 300 words; 1,500 is a long rambling one. */
    @Param({"300", "1500"})
    public int words;

    private final Analyzer analyzer = new Analyzer(QuestionBank.builtIn());
    private List<Word> answer;

    @Setup
    public void setUp() {
        answer = Transcripts.ofLength(words);
    }

    @Benchmark
    public ScoredTranscript scoreWholeAnswer() {
        return analyzer.analyze(answer, Transcripts.SEED.id(), Level.SDE2);
    }
}
