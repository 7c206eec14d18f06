package dev.starpace.server.speech;

import dev.starpace.engine.Analyzer;
import dev.starpace.engine.Level;
import dev.starpace.engine.Phase;
import dev.starpace.engine.ScoredTranscript;
import dev.starpace.engine.bank.Card;
import dev.starpace.engine.delivery.AudioDelivery;
import dev.starpace.engine.delivery.InputQuality;
import dev.starpace.engine.segment.LiveSegmenter;
import dev.starpace.engine.segment.LiveStarSegmenter;
import dev.starpace.engine.timing.PhaseTiming;
import dev.starpace.engine.timing.Timing;
import dev.starpace.engine.transcript.Word;
import dev.starpace.server.audio.Audio;
import dev.starpace.server.delivery.AudioDeliveryAnalysis;
import dev.starpace.server.delivery.FrameFeeder;
import dev.starpace.server.delivery.FrameTrack;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    private final LiveSegmenter segmenter;
    private final FrameTrack track = new FrameTrack(Audio.SPEECH_RATE);
    private final FrameFeeder frames;
    private final Map<Phase, Double> targets;
    private final Nudges nudges;
    private final List<ScoredTranscript.ScoredWord> scored = new ArrayList<>();
    private long samples;
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
        this.segmenter = analyzer.liveSegmenter(card, level);
        this.frames = new FrameFeeder(Audio.SPEECH_RATE, FrameTrack.FRAME, FrameTrack.HOP, track.processors());
        this.targets = Timing.targets(card, level);
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
        StreamingRecognizer.Update update = recognizer.accept(pcm, even);
        if (!update.finals().isEmpty()) {
            guessed = List.of();
            guessedPhase = null;
            addFinal(update.finals());
        } else {
            if (!update.partial().isEmpty() && listener.watching()) {
                guess(update.partial());
            }
            if (elapsedSeconds() - timersAt >= TIMER_INTERVAL && !scored.isEmpty() && listener.watching()) {
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

    private void guess(List<Word> partial) {
        if (partial.size() != guessed.size() && elapsedSeconds() - previewAt >= LiveStarSegmenter.PREVIEW_INTERVAL) {
            previewAt = elapsedSeconds();
            guessedPhase = segmenter.preview(partial);
        }
        guessed = partial;
        Phase shown = guessedPhase != null ? guessedPhase : scored.isEmpty() ? null : scored.get(scored.size() - 1).phase();
        listener.partial(partial, shown);
    }

    /**
     * Timers count the finalised words and the words still guessed, each with the phase shown; "runs long" nudges
     * need the phase long both as shown and as the report would label the answer if it ended now.
     */
    private void sendTimers() {
        timersAt = elapsedSeconds();
        List<Word> words = new ArrayList<>(segmenter.words());
        List<Phase> phases = new ArrayList<>(segmenter.phases());
        if (guessedPhase != null) {
            for (Word w : guessed) {
                words.add(w);
                phases.add(guessedPhase);
            }
        }
        List<PhaseTiming> timings = Timing.phases(words, phases, targets, timersAt);
        listener.timers(timings, timersAt);
        int finals = segmenter.size();
        Set<Phase> runningLong = Timing.runningLong(words.subList(0, finals), phases.subList(0, finals),
            segmenter::asIfEndedNow, targets);
        nudges.check(timings, runningLong, scored, timersAt, listener);
    }

    /** Ends the answer: closes the last utterance, measures delivery, scores. */
    public ScoredTranscript finish() {
        if (result != null) {
            return result;
        }
        List<Word> last = recognizer.finish();
        if (!last.isEmpty()) {
            addFinal(last);
        }
        frames.finish();
        List<Word> words = segmenter.words();
        if (words.isEmpty()) {
            throw new NoSpeechException("no words were recognised in " + Math.round(elapsedSeconds()) + " s of audio");
        }
        // the finished answer is labelled whole (the live labels could only look back)
        List<Phase> phases = segmenter.finish();
        AudioDelivery audio = AudioDeliveryAnalysis.of(track, words, phases);
        result = analyzer.score(card, level, words, phases, audio);
        listener.scored(result);
        return result;
    }

    private void addFinal(List<Word> finals) {
        int firstChanged = Integer.MAX_VALUE;
        for (Word w : finals) {
            firstChanged = Math.min(firstChanged, segmenter.accept(w));
        }
        firstChanged = Math.min(firstChanged, segmenter.endUtterance());
        List<Phase> phases = segmenter.phases();
        List<Word> words = segmenter.words();
        for (int i = firstChanged; i < words.size(); i++) {
            Word w = words.get(i);
            ScoredTranscript.ScoredWord s = new ScoredTranscript.ScoredWord(w.word(), w.start(), w.end(), phases.get(i), w.conf());
            if (i < scored.size()) {
                scored.set(i, s);
            } else {
                scored.add(s);
            }
        }
        listener.words(List.copyOf(scored), firstChanged);
        if (listener.watching()) {
            sendTimers();
        }
    }

    @Override
    public void close() {
        recognizer.close();
    }
}
