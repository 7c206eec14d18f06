package dev.starpace.benchmarks;

import dev.starpace.engine.segment.CueBook;
import dev.starpace.engine.segment.OnlineSegmenter;
import dev.starpace.engine.transcript.Word;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The online segmenter's cost per word as the transcript grows. Each benchmark feeds a whole transcript
 * to a fresh segmenter and reports time per word; flat figures from 100 to 10,000 words show the work per
 * word does not grow with the transcript.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SegmenterBenchmark {
    private final CueBook cues = CueBook.standard();
    private final List<Word> words100 = Transcripts.ofLength(100);
    private final List<Word> words1000 = Transcripts.ofLength(1_000);
    private final List<Word> words10000 = Transcripts.ofLength(10_000);

    @Benchmark
    @OperationsPerInvocation(100)
    public OnlineSegmenter perWordOf100() {
        return feed(words100);
    }

    @Benchmark
    @OperationsPerInvocation(1_000)
    public OnlineSegmenter perWordOf1000() {
        return feed(words1000);
    }

    @Benchmark
    @OperationsPerInvocation(10_000)
    public OnlineSegmenter perWordOf10000() {
        return feed(words10000);
    }

    private OnlineSegmenter feed(List<Word> words) {
        OnlineSegmenter segmenter = new OnlineSegmenter(cues);
        for (Word w : words) {
            segmenter.accept(w);
        }
        return segmenter;
    }
}
