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

/**
 * Whether scoring grows linearly with the answer (issue 19, item 4): 1k, 10k and 100k words, far past any answer the
 * limits let in (a transcript of 20,000 words), so that a limit is the only thing between a hostile input and the
 * CPU. Time per word should stay flat; run with {@code -prof gc} for bytes allocated per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class AnalyzeScalingBenchmark {
    @Param({"1000", "10000", "100000"})
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
