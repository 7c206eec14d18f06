package dev.starpace.server.speech;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.starpace.engine.Level;
import dev.starpace.engine.Phase;
import dev.starpace.engine.ScoredTranscript;
import dev.starpace.engine.segment.train.ScreenWatch;
import dev.starpace.engine.timing.PhaseTiming;
import dev.starpace.engine.timing.Timing;
import dev.starpace.engine.transcript.Word;
import dev.starpace.server.Fixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The live view of the spoken fixtures as a person watching it sees it (issue 20, item 5): the audio streamed through
 * the real live session and Vosk in 100 ms frames, the screen looked at every half second of audio — the words shown,
 * the phase shown for the newest of them, the timers last sent — and held against what was being said (each
 * fixture's sentences, their phases and times) and the final report. Goals: the newest words in the right phase at
 * least 90 % of the time, a phase shown and staying within 3 s of its start, no timer falling back more than 2 s,
 * the timers at the end within 2 s of the report's, and a timer never above the report's figure. The live view's
 * display policy (LiveView: phases committed after a lag and never changed while answering, timers counting only
 * committed words the labeller was sure of) meets the fall-back goal by construction, and that goal is asserted, as
 * are the two the held words met here (no timer above the report's figure, the end within 2 s of the report: 3.2 s
 * each when every settled word was timed); the rest are asserted as measured (docs/segmentation.md, section 4), with
 * a little room, as a guard against the view getting worse: newest words right 82.2 %, shown and staying 2.4 s after
 * a phase starts (median), and the price of steady timers: they trail the speech by 9.7 s (median, p90 30.1 s), over
 * these three answers' 13 phases and 567 looks.
 */
class LiveScreenTest {
    /** Streams a fixture through a live session, looking at the screen every half second of audio. */
    static ScreenWatch.Result watch(String id) {
        Level level = Level.parse(Fixtures.manifest(id).get("level").asText());
        var card = Fixtures.card(id);
        ScreenWatch watch = new ScreenWatch(Timing.targets(card, level));
        Screen screen = new Screen();
        try (AnswerSession session = new AnswerSession(Fixtures.ANALYZER, Fixtures.model(), card, level, screen)) {
            byte[] pcm = Fixtures.audio(id).toPcm16();
            byte[] frame = new byte[3200];
            int looks = 0;
            for (int at = 0; at < pcm.length; at += frame.length) {
                int length = Math.min(frame.length, pcm.length - at);
                System.arraycopy(pcm, at, frame, 0, length);
                session.accept(frame, length);
                double t = session.elapsedSeconds();
                if (t + 1e-9 >= (looks + 1) * ScreenWatch.SAMPLE) {
                    looks++;
                    screen.lookAt(t, watch);
                }
            }
            ScoredTranscript scored = session.finish();
            // the screen when the answer ends: the last words settled, the last timers
            screen.lookAt(session.elapsedSeconds(), watch);
            List<Word> words = scored.words().stream().map(w -> new Word(w.word(), w.start(), w.end())).toList();
            List<Phase> report = scored.words().stream().map(ScoredTranscript.ScoredWord::phase).toList();
            return watch.against(words, said(id, words), words, report);
        }
    }

    /** Each recognised word's phase as spoken: that of the fixture's sentence its middle falls in. */
    static List<Phase> said(String id, List<Word> words) {
        JsonNode sentences = Fixtures.manifest(id).get("sentences");
        List<Phase> out = new ArrayList<>();
        for (Word w : words) {
            double middle = (w.start() + w.end()) / 2;
            int s = 0;
            while (s + 1 < sentences.size() && sentences.get(s + 1).get("start").asDouble() <= middle) {
                s++;
            }
            out.add(Phase.parse(sentences.get(s).get("phase").asText()));
        }
        return out;
    }

    /** What the browser shows: the finalised words with their phases, the guess with its phase, the timers last sent. */
    private static final class Screen implements SessionListener {
        private List<ScoredTranscript.ScoredWord> finals = List.of();
        private List<Word> guessed = List.of();
        private Phase guessedPhase;
        private List<PhaseTiming> timers = List.of();

        @Override
        public void partial(List<Word> words, Phase phase) {
            guessed = words;
            guessedPhase = phase;
        }

        @Override
        public void words(List<ScoredTranscript.ScoredWord> words, int firstChanged) {
            finals = words;
            guessed = List.of();
        }

        @Override
        public void timers(List<PhaseTiming> phases, double elapsedSeconds) {
            timers = phases;
        }

        void lookAt(double t, ScreenWatch watch) {
            List<Word> shown = new ArrayList<>();
            List<Phase> phases = new ArrayList<>();
            for (ScoredTranscript.ScoredWord w : finals) {
                shown.add(new Word(w.word(), w.start(), w.end()));
                phases.add(w.phase());
            }
            if (guessedPhase != null) {
                for (Word w : guessed) {
                    shown.add(w);
                    phases.add(guessedPhase);
                }
            }
            watch.observe(t, shown, phases, timers);
        }
    }

    @Test
    void theLiveViewShowsTheRightPhaseSoonAndItsTimersHold() {
        List<ScreenWatch.Result> results = new ArrayList<>();
        for (String id : Fixtures.ids()) {
            ScreenWatch.Result r = watch(id);
            System.out.println(id + ": " + r);
            results.add(r);
        }
        ScreenWatch.Result all = ScreenWatch.Result.pooled(results);
        System.out.println("all: " + all);
        assertTrue(all.rightShare() >= 0.80, "newest words in the right phase: " + all);
        assertTrue(all.medianDelay() <= 3.0, "a phase is shown and stays within the goal's 3 s (median): " + all);
        assertTrue(all.worstFallBack() <= 2, "no timer falls back more than the goal's 2 s: " + all);
        assertTrue(all.worstAhead() <= 1, "no timer runs above the report's figure (measured 0.0 s): " + all);
        assertTrue(all.worstEndGap() <= 2, "the timers at the end within the goal's 2 s of the report's: " + all);
        assertTrue(all.medianTrail() <= 12, "the timers trail the speech no further than measured: " + all);
    }
}
