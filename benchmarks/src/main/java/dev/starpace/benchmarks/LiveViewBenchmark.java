package dev.starpace.benchmarks;

import dev.starpace.engine.Level;
import dev.starpace.engine.Phase;
import dev.starpace.engine.segment.CueBook;
import dev.starpace.engine.segment.LiveStarSegmenter;
import dev.starpace.engine.segment.LiveView;
import dev.starpace.engine.segment.LongPhases;
import dev.starpace.engine.segment.SentenceEncoder;
import dev.starpace.engine.segment.StarModel;
import dev.starpace.engine.timing.PhaseTiming;
import dev.starpace.engine.timing.Timing;
import dev.starpace.engine.transcript.Word;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * The live view's own cost per phrase and per timer tick, at answers 30 s, 3 min and 10 min long (issue 22): it
 * should not grow with the answer. A phrase is what the live session does when the recognizer finalises one: the
 * labeller takes its words and closes its unit (one sentence encoding, a step of the window's decode), the view
 * commits what is settled and counts its time, and the timers are read for long phases ({@link LongPhases}). A tick is
 * what happens between phrases every second: the committed timers.
 *
 * <p>Each measured batch hears the next {@link #PHRASES} phrases of the answer from where the set-up left it, so the
 * answer is about the length named (plus half a minute) while it is measured.
 */
@State(Scope.Thread)
@Fork(1)
public class LiveViewBenchmark {
    /** Phrases heard per measured batch. */
    static final int PHRASES = 10;

    @Param({"30", "180", "600"})
    public int seconds;

    private final StarModel model = StarModel.builtIn();
    private final CueBook cues = CueBook.standard();
    private final Map<Phase, Double> targets = Timing.targets(Transcripts.SEED, Level.SDE2);
    private List<List<Word>> phrases;
    private LiveView view;
    private final Set<Phase> sent = EnumSet.noneOf(Phase.class);
    private int next;

    @Setup(org.openjdk.jmh.annotations.Level.Trial)
    public void phrases() {
        // the recognizer's phrases: the answer's words split at its sentence pauses, 12 minutes of them
        List<Word> answer = Transcripts.ofLength(2400);
        phrases = new ArrayList<>();
        List<Word> phrase = new ArrayList<>();
        for (Word w : answer) {
            if (!phrase.isEmpty() && w.start() - phrase.get(phrase.size() - 1).end() >= 0.3) {
                phrases.add(phrase);
                phrase = new ArrayList<>();
            }
            phrase.add(w);
        }
        phrases.add(phrase);
    }

    /** An answer heard for {@link #seconds}, its nudges checked after every phrase, as the live session does. */
    @Setup(org.openjdk.jmh.annotations.Level.Iteration)
    public void answerSoFar() {
        view = new LiveView(new LiveStarSegmenter(model, SentenceEncoder.shared()::encode, cues,
            Timing.budget(Transcripts.SEED, Level.SDE2)[1]), targets);
        sent.clear();
        next = 0;
        while (view.size() == 0 || view.words().get(view.size() - 1).end() < seconds) {
            phrase();
        }
    }

    private Set<Phase> phrase() {
        view.hear(phrases.get(next++));
        Set<Phase> found = LongPhases.newlyLong(view.timers(), sent);
        sent.addAll(found);
        return found;
    }

    /** {@link #PHRASES} phrases heard, each as the live session hears a phrase. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 4, batchSize = 1)
    @Measurement(iterations = 15, batchSize = 1)
    public int perPhrase() {
        int n = 0;
        for (int i = 0; i < PHRASES; i++) {
            n += phrase().size();
        }
        return n;
    }

    /** One timer tick between phrases. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 3, time = 1)
    @Measurement(iterations = 5, time = 1)
    public List<PhaseTiming> perTick() {
        return view.timers();
    }
}
