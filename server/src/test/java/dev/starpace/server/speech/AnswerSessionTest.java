package dev.starpace.server.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.starpace.engine.Level;
import dev.starpace.engine.Phase;
import dev.starpace.engine.ScoredTranscript;
import dev.starpace.engine.timing.PhaseTiming;
import dev.starpace.engine.transcript.TranscriptReader;
import dev.starpace.engine.transcript.Word;
import dev.starpace.server.Fixtures;
import dev.starpace.server.audio.Audio;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnswerSessionTest {
    /** Records everything a live session reports. */
    static final class Recorder implements SessionListener {
        final List<List<Word>> partials = new ArrayList<>();
        final List<Integer> firstChanged = new ArrayList<>();
        List<ScoredTranscript.ScoredWord> words = List.of();
        final List<List<PhaseTiming>> timers = new ArrayList<>();
        final List<Nudge> nudges = new ArrayList<>();
        /** Timers and nudges in the order they were sent. */
        final List<Object> sent = new ArrayList<>();
        ScoredTranscript scored;

        @Override
        public void partial(List<Word> w) {
            partials.add(w);
        }

        @Override
        public void words(List<ScoredTranscript.ScoredWord> all, int first) {
            assertTrue(all.size() >= words.size(), "words are only ever added");
            words = all;
            firstChanged.add(first);
        }

        @Override
        public void timers(List<PhaseTiming> phases, double elapsed) {
            timers.add(phases);
            sent.add(phases);
        }

        @Override
        public void nudge(Nudge nudge) {
            nudges.add(nudge);
            sent.add(nudge);
        }

        @Override
        public void scored(ScoredTranscript t) {
            scored = t;
        }
    }

    @Test
    void aLiveAnswerReportsPartialsPhasedWordsTimersNudgesAndTheScore() {
        Recorder recorder = new Recorder();
        Audio audio = Fixtures.audio("03-search-ranking-regression");
        try (AnswerSession session = new AnswerSession(Fixtures.ANALYZER, Fixtures.model(),
            Fixtures.card("03-search-ranking-regression"), Level.SDE1, recorder)) {
            RecordingAnalyzer.stream(audio, session);
            session.finish();
        }
        assertTrue(recorder.partials.size() > 20, "partial words while speaking: " + recorder.partials.size());
        assertTrue(recorder.firstChanged.size() >= 10, "final words per utterance");
        assertTrue(recorder.timers.size() > recorder.firstChanged.size() + 20, "timers also move between phrases, about once a second");
        List<PhaseTiming> lastTimers = recorder.timers.get(recorder.timers.size() - 1);
        assertTrue(lastTimers.get(Phase.ACTION.ordinal()).seconds() > 40, lastTimers.toString());
        assertNotNull(recorder.scored);
        assertEquals(Phase.RESULT, recorder.scored.words().get(0).phase(), "the report sees it opens with the result");
        assertEquals(recorder.words.size(), recorder.scored.words().size());
        List<String> kinds = recorder.nudges.stream().map(Nudge::kind).toList();
        assertTrue(kinds.contains(Nudge.OVER_BUDGET), "a three-minute answer is over the SDE1 budget: " + recorder.nudges);
        assertTrue(recorder.nudges.stream().anyMatch(n -> n.kind().equals(Nudge.PHASE_LONG) && n.text().matches("\\w+: \\d+ s of \\d+")),
            recorder.nudges.toString());
        assertEquals(kinds.size(), recorder.nudges.stream().map(n -> n.kind() + n.phase()).distinct().count(), "each nudge once");
    }

    /**
     * Issue 23: "Situation: 58 s of 30" came at 59.5 s though its bar had turned long at 43 s. A phase's "runs long"
     * nudge now comes right after the timers in which its bar first turns long, with the bar's own figures.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aRunsLongNudgeComesWithTheTimersThatFirstShowThePhaseLong() {
        Recorder recorder = new Recorder();
        try (AnswerSession session = new AnswerSession(Fixtures.ANALYZER, Fixtures.model(),
            Fixtures.card("03-search-ranking-regression"), Level.SDE1, recorder)) {
            RecordingAnalyzer.stream(Fixtures.audio("03-search-ranking-regression"), session);
            session.finish();
        }
        Map<Phase, Integer> barTurnedLong = new java.util.EnumMap<>(Phase.class);
        Map<Phase, Integer> nudged = new java.util.EnumMap<>(Phase.class);
        List<PhaseTiming> lastTimers = null;
        int end = -1;
        for (int i = 0; i < recorder.sent.size(); i++) {
            Object e = recorder.sent.get(i);
            if (e instanceof Nudge n && n.kind().equals(Nudge.PHASE_LONG)) {
                nudged.put(n.phase(), i);
                PhaseTiming bar = lastTimers.get(n.phase().ordinal());
                assertEquals(String.format(java.util.Locale.ROOT, "%s: %d s of %d", n.phase().title(), Math.round(bar.seconds()),
                    Math.round(bar.targetSeconds())), n.text(), "the nudge says what the bar shows");
            } else if (e instanceof List<?> timers) {
                lastTimers = (List<PhaseTiming>) timers;
                end = i;
                for (PhaseTiming t : lastTimers) {
                    if (t.status() == dev.starpace.engine.timing.PhaseStatus.LONG) {
                        barTurnedLong.putIfAbsent(t.phase(), i);
                    }
                }
            }
        }
        assertFalse(nudged.isEmpty(), "the rambling answer runs long somewhere: " + recorder.nudges);
        // the last timers (the answer ended, labelled whole) may call more phases long: no nudge comes after the end
        int ended = end;
        barTurnedLong.entrySet().removeIf(b -> b.getValue() == ended && !nudged.containsKey(b.getKey()));
        assertEquals(barTurnedLong.keySet(), nudged.keySet(), "each bar that turned long while answering was nudged");
        for (Map.Entry<Phase, Integer> n : nudged.entrySet()) {
            int bar = barTurnedLong.get(n.getKey());
            assertTrue(bar < n.getValue() && recorder.sent.subList(bar + 1, n.getValue()).stream().allMatch(e -> e instanceof Nudge),
                n.getKey() + ": the nudge is sent right after the timers that turned its bar long (" + bar + ", " + n.getValue() + ")");
        }
    }

    @Test
    void theRecognizersGuessIsAskedForEveryThreeHundredMillisecondsNotEveryFrame() {
        Recorder recorder = new Recorder();
        Audio audio = Fixtures.audio("seed-weak");
        try (AnswerSession session = new AnswerSession(Fixtures.ANALYZER, Fixtures.model(), Fixtures.card("seed-weak"),
            Level.SDE2, recorder)) {
            byte[] pcm = audio.toPcm16();
            for (int at = 0; at < pcm.length; at += 3200) {
                // a browser's 100 ms frames
                session.accept(java.util.Arrays.copyOfRange(pcm, at, Math.min(pcm.length, at + 3200)), Math.min(3200, pcm.length - at));
            }
            session.finish();
        }
        double most = audio.seconds() / 0.3 + recorder.firstChanged.size();
        assertTrue(recorder.partials.size() <= most, recorder.partials.size() + " guesses in " + audio.seconds() + " s");
        assertTrue(recorder.partials.size() >= audio.seconds() / 0.3 / 2, "the guess still moves while one speaks: "
            + recorder.partials.size() + " in " + audio.seconds() + " s");
    }

    @Test
    void weInTheActionEarnsANudge() {
        Recorder recorder = new Recorder();
        Nudges nudges = new Nudges(120);
        double t = 0;
        for (String w : "we looked at it then we fixed it and we shipped it".split(" ")) {
            nudges.committed(new Word(w, t, t + 0.3), Phase.ACTION);
            t += 0.3;
            nudges.check(List.of(), t, recorder);
        }
        nudges.check(List.of(), t, recorder);
        assertEquals(1, recorder.nudges.size());
        assertEquals("Action: 'we' three times — say I", recorder.nudges.get(0).text());
    }

    @Test
    void aRecordingGivesTheSameScoredTranscriptAsItsTimedTranscript() throws Exception {
        ScoredTranscript fromAudio = Fixtures.analysed("seed-strong").transcript();
        String json = new ObjectMapper().writeValueAsString(Map.of("words", fromAudio.words().stream()
            .map(w -> Map.of("word", w.word(), "start", w.start(), "end", w.end(), "conf", w.conf())).toList()));
        ScoredTranscript fromWords = Fixtures.ANALYZER.analyze(TranscriptReader.read(json),
            fromAudio.question().id(), fromAudio.level());
        assertEquals(fromAudio.words(), fromWords.words());
        assertEquals(fromAudio.phases(), fromWords.phases());
        assertEquals(fromAudio.rules(), fromWords.rules());
        assertEquals(fromAudio.score(), fromWords.score());
        assertEquals(fromAudio.verdict(), fromWords.verdict());
        assertNotNull(fromAudio.delivery().audio());
        assertEquals(null, fromWords.delivery().audio());
    }

    @Test
    void silenceGivesNoWordsAndAClearError() {
        try (AnswerSession session = new AnswerSession(Fixtures.ANALYZER, Fixtures.model(),
            Fixtures.BANK.defaultCard(), Level.SDE2, new Recorder())) {
            RecordingAnalyzer.stream(new Audio(new float[16_000 * 2], 16_000), session);
            NoSpeechException e = assertThrows(NoSpeechException.class, session::finish);
            assertTrue(e.getMessage().contains("no words were recognised in 2 s of audio"), e.getMessage());
        }
    }

    @Test
    void theAudioSideOfDeliveryIsMeasured() {
        ScoredTranscript t = Fixtures.analysed("seed-strong").transcript();
        var audio = t.delivery().audio();
        assertTrue(audio.pitch().medianHz() > 120 && audio.pitch().medianHz() < 260, "a female voice: " + audio.pitch());
        assertTrue(audio.pitch().variationSemitones() > 0.5, audio.pitch().toString());
        assertTrue(audio.loudness().meanDb() > -40 && audio.loudness().meanDb() < -5, audio.loudness().toString());
        double words = audio.rate().wordsPerMinute();
        double syllables = audio.rate().syllablesPerMinute();
        assertTrue(syllables > words && syllables < 2.2 * words, "syllables " + syllables + " against words " + words);
        assertTrue(audio.rate().articulationSyllablesPerMinute() > syllables, "articulation rate leaves the pauses out");
        assertFalse(audio.unrecognizedVoice().size() > 3, "festival says no fillers: " + audio.unrecognizedVoice());
    }
}
