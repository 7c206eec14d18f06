package dev.starpace.benchmarks;

import dev.starpace.engine.segment.CueBook;
import dev.starpace.engine.segment.OnlineSegmenter;
import dev.starpace.engine.transcript.Word;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of the next words once a transcript already holds {@code heard} words: what a live answer pays
 * per word after 100, 1,000 or 10,000 words. Flat figures mean nothing re-runs over the whole transcript.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SegmenterGrowthBenchmark {
    static final int NEXT = 500;

    @Param({"100", "1000", "10000"})
    public int heard;

    private final CueBook cues = CueBook.standard();
    private List<Word> before;
    private List<Word> next;
    private OnlineSegmenter segmenter;

    @Setup(Level.Trial)
    public void transcript() {
        List<Word> all = Transcripts.ofLength(heard + NEXT);
        before = all.subList(0, heard);
        next = all.subList(heard, heard + NEXT);
    }

    @Setup(Level.Invocation)
    public void alreadyHeard() {
        segmenter = new OnlineSegmenter(cues);
        before.forEach(segmenter::accept);
    }

    @Benchmark
    @OperationsPerInvocation(NEXT)
    public OnlineSegmenter nextWords() {
        for (Word w : next) {
            segmenter.accept(w);
        }
        return segmenter;
    }
}
