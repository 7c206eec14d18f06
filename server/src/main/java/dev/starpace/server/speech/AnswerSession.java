package dev.starpace.server.speech;

import dev.starpace.engine.Analyzer;
import dev.starpace.engine.Level;
import dev.starpace.engine.Phase;
import dev.starpace.engine.ScoredTranscript;
import dev.starpace.engine.bank.Card;
import dev.starpace.engine.delivery.AudioDelivery;
import dev.starpace.engine.delivery.InputQuality;
import dev.starpace.engine.segment.LiveStarSegmenter;
import dev.starpace.engine.segment.LiveView;
import dev.starpace.engine.timing.PhaseTiming;
import dev.starpace.engine.timing.Timing;
import dev.starpace.engine.text.Hesitations;
import dev.starpace.engine.transcript.Word;
import dev.starpace.server.audio.Audio;
import dev.starpace.server.delivery.AudioDeliveryAnalysis;
import dev.starpace.server.delivery.FrameFeeder;
import dev.starpace.server.delivery.FrameTrack;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * One spoken answer, live: 16 kHz PCM chunks go to the recognizer and, in the same pass, to the TarsosDSP
 * frame chain; finalised words go to the online segmenter; the listener hears partial words, words with
 * phases, phase timers, nudges and, at the end, the scored transcript.
 * <pre>PCM chunk → Vosk → segmenter → timers, nudges → listener
 *           ↘ TarsosDSP frames (level, pitch) → delivery at the end</pre>
 * Not thread-safe: one thread feeds one session.
 */
public final class AnswerSession implements AutoCloseable {
    private final Analyzer analyzer;
    private final Card card;
    private final Level level;
    private final SessionListener listener;
    private final StreamingRecognizer recognizer;
    private final LiveView view;
    private final FrameTrack track = new FrameTrack(Audio.SPEECH_RATE);
    private final FrameFeeder frames;
    private final Map<Phase, Double> targets;
    private final Nudges nudges;
    private final List<ScoredTranscript.ScoredWord> scored = new ArrayList<>();
    /** What listeners get: the growing list itself, read-only, so a phrase costs no copy of the answer so far. */
    private final List<ScoredTranscript.ScoredWord> scoredView = Collections.unmodifiableList(scored);
    private long samples;
    /** The audio heard (in samples) when the recognizer's guess was last asked for. */
    private long partialAt = -PARTIAL_SAMPLES;
    private double timersAt;
    private double previewAt = -LiveStarSegmenter.PREVIEW_INTERVAL;
    private double qualityAt;
    private List<String> qualityProblems = List.of();
    private List<Word> guessed = List.of();
    private Phase guessedPhase;
    private ScoredTranscript result;

    public AnswerSession(Analyzer analyzer, SpeechModel model, Card card, Level level, SessionListener listener) {
        this.analyzer = analyzer;
        this.card = card;
        this.level = level;
        this.listener = listener;
        this.recognizer = model.recognizer();
        this.targets = Timing.targets(card, level);
        this.view = new LiveView(analyzer.liveSegmenter(card, level), targets);
        this.frames = new FrameFeeder(Audio.SPEECH_RATE, FrameTrack.FRAME, FrameTrack.HOP, track.processors());
        this.nudges = new Nudges(Timing.budget(card, level)[1]);
    }

    /** Seconds of audio heard so far. */
    public double elapsedSeconds() {
        return (double) samples / Audio.SPEECH_RATE;
    }

    /** Feeds one chunk of little-endian 16-bit PCM at 16 kHz. */
    public void accept(byte[] pcm, int length) {
        if (result != null) {
            throw new IllegalStateException("the answer has ended");
        }
        int even = length & ~1;
        float[] floats = Audio.fromPcm16(pcm, even);
        samples += floats.length;
        frames.push(floats, floats.length);
        List<Word> finals = recognizer.accept(pcm, even);
        if (!finals.isEmpty()) {
            guessed = List.of();
            guessedPhase = null;
            partialAt = samples;
            addFinal(finals);
        } else if (listener.watching()) {
            if (samples - partialAt >= PARTIAL_SAMPLES) {
                partialAt = samples;
                List<Word> partial = recognizer.partial();
                if (!partial.isEmpty()) {
                    guess(partial);
                }
            }
            if (elapsedSeconds() - timersAt >= TIMER_INTERVAL && !scored.isEmpty()) {
                sendTimers();
            }
        }
        if (elapsedSeconds() - qualityAt >= QUALITY_INTERVAL && listener.watching()) {
            checkQuality();
        }
    }

    /** The recording's quality is looked at this often (seconds of audio); the live view hears only of changes. */
    static final double QUALITY_INTERVAL = 2.0;

    private void checkQuality() {
        qualityAt = elapsedSeconds();
        InputQuality quality = track.quality();
        if (quality != null && !quality.problems().equals(qualityProblems)) {
            qualityProblems = quality.problems();
            listener.quality(quality);
        }
    }

    /** Between phrases, the timers still move this often (seconds of audio). */
    static final double TIMER_INTERVAL = 1.0;
    /**
     * The recognizer's guess is asked for after this much new audio (300 ms), not on every frame: each guess costs
     * Vosk a pass over the open utterance's lattice, and a word then shows on average 0.1 s later (docs/deployment.md).
     */
    static final long PARTIAL_SAMPLES = Audio.SPEECH_RATE * 3 / 10;

    private void guess(List<Word> partial) {
        if (partial.size() != guessed.size() && elapsedSeconds() - previewAt >= LiveStarSegmenter.PREVIEW_INTERVAL) {
            previewAt = elapsedSeconds();
            guessedPhase = view.preview(partial);
        }
        guessed = partial;
        Phase shown = guessedPhase != null ? guessedPhase : scored.isEmpty() ? null : scored.get(scored.size() - 1).phase();
        listener.partial(partial, shown);
    }

    /**
     * Timers count the committed words only (LiveView), so they neither fall back nor run on ahead of the speech's
     * settled phases; a "runs long" nudge is read off the very timers sent, right after them, so it comes with the bar
     * that turns long. Per tick this costs the same whatever the answer's length: the timers are counted as words commit.
     */
    private void sendTimers() {
        timersAt = elapsedSeconds();
        List<PhaseTiming> timings = view.timers();
        listener.timers(timings, timersAt);
        nudges.check(timings, timersAt, listener);
    }


    /** Ends the answer: closes the last utterance, measures delivery, scores. */
    public ScoredTranscript finish() {
        if (result != null) {
            return result;
        }
        List<Word> last = recognizer.finish();
        // the recognizer holds tens of megabytes of native decoder state: freed now, not when the socket closes
        recognizer.close();
        if (!last.isEmpty()) {
            addFinal(last);
        }
        frames.finish();
        // a held "um" the recognizer wrote as "i'm" or "the" is scored as the filler it was (one word for one word)
        List<Word> words = Hesitations.heard(view.words());
        if (words.isEmpty()) {
            throw new NoSpeechException("no words were recognised in " + Math.round(elapsedSeconds()) + " s of audio");
        }
        // the finished answer is labelled whole (the live labels could only look back)
        int open = view.firstOpen();
        List<Phase> phases = view.finish();
        if (listener.watching()) {
            // the last words on screen, and those held off the timers, settle as the finished answer labels them;
            // the committed ones keep theirs
            showFrom(open);
            listener.timers(view.timers(), elapsedSeconds());
        }
        AudioDelivery audio = AudioDeliveryAnalysis.of(track, words, phases);
        result = analyzer.score(card, level, words, phases, audio);
        listener.scored(result);
        return result;
    }

    private void addFinal(List<Word> finals) {
        int committed = view.committed();
        int firstChanged = view.hear(finals);
        for (int i = committed; i < view.committed(); i++) {
            if (!view.held(i)) {
                nudges.committed(view.words().get(i), view.phaseOf(i));
            }
        }
        showFrom(firstChanged);
        if (listener.watching()) {
            sendTimers();
        }
    }

    /** Sends the words from {@code firstChanged} on with the phases the view shows for them. */
    private void showFrom(int firstChanged) {
        List<Word> words = view.words();
        for (int i = firstChanged; i < words.size(); i++) {
            Word w = words.get(i);
            ScoredTranscript.ScoredWord s = new ScoredTranscript.ScoredWord(w.word(), w.start(), w.end(), view.phaseOf(i), w.conf());
            if (i < scored.size()) {
                scored.set(i, s);
            } else {
                scored.add(s);
            }
        }
        listener.words(scoredView, Math.min(firstChanged, words.size()));
    }

    @Override
    public void close() {
        recognizer.close();
    }
}
