package dev.starpace.engine.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starpace.engine.Level;
import dev.starpace.engine.Phase;
import dev.starpace.engine.bank.QuestionBank;
import dev.starpace.engine.samples.LabelledSample;
import dev.starpace.engine.timing.PhaseTiming;
import dev.starpace.engine.timing.Timing;
import dev.starpace.engine.transcript.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The live display policy over the learned labeller, on labelled answers heard phrase by phrase. */
class LiveViewTest {
    private static final Map<Phase, Double> TARGETS = Timing.targets(
        QuestionBank.builtIn().get("customer-obsession-above-and-beyond"), Level.SDE2);

    private static LiveView view() {
        return new LiveView(new LiveStarSegmenter(StarModel.builtIn(), SentenceEncoder.shared()::encode,
            CueBook.standard(), 150), TARGETS);
    }

    /** The answer's words in phrases, split where it pauses, as the recognizer delivers them. */
    private static List<List<Word>> phrases(List<Word> words) {
        List<List<Word>> out = new ArrayList<>();
        List<Word> phrase = new ArrayList<>();
        for (Word w : words) {
            if (!phrase.isEmpty() && w.start() - phrase.get(phrase.size() - 1).end() >= 0.3) {
                out.add(phrase);
                phrase = new ArrayList<>();
            }
            phrase.add(w);
        }
        out.add(phrase);
        return out;
    }

    @Test
    void committedPhasesNeverChangeAndTimersNeverFallBack() {
        for (String id : List.of("seed-strong", "04-database-migration", "07-screen-reader-checkout")) {
            LiveView view = view();
            List<Phase> committed = new ArrayList<>();
            double[] last = new double[Phase.values().length];
            for (List<Word> phrase : phrases(LabelledSample.load(id).words())) {
                int changed = view.hear(phrase);
                assertTrue(changed >= committed.size(), id + ": a committed word was sent again at " + changed);
                for (int i = 0; i < committed.size(); i++) {
                    assertEquals(committed.get(i), view.phaseOf(i), id + ": committed word " + i + " changed");
                }
                for (int i = committed.size(); i < view.committed(); i++) {
                    committed.add(view.phaseOf(i));
                }
                for (PhaseTiming t : view.timers()) {
                    assertTrue(t.seconds() >= last[t.phase().ordinal()], id + ": " + t.phase() + " fell back");
                    last[t.phase().ordinal()] = t.seconds();
                }
            }
            assertTrue(view.committed() > view.size() / 2, id + ": most of a finished answer is committed live");
        }
    }

    @Test
    void timersCountOnlyWordsTheLabellerWasSureOf() {
        int held = 0;
        for (String id : List.of("seed-strong", "seed-weak", "04-database-migration", "07-screen-reader-checkout")) {
            List<Word> words = LabelledSample.load(id).words();
            LiveView view = view();
            for (List<Word> phrase : phrases(words)) {
                view.hear(phrase);
                double timed = 0;
                for (int i = 0; i < view.committed() && i + 1 < view.size(); i++) {
                    timed += view.held(i) ? 0 : words.get(i + 1).start() - words.get(i).start();
                }
                double total = view.timers().stream().mapToDouble(PhaseTiming::seconds).sum();
                assertEquals(timed, total, 0.3, id + ": the timers are the committed words not held (each rounded to 0.1 s)");
            }
            for (int i = 0; i < view.committed(); i++) {
                held += view.held(i) ? 1 : 0;
            }
        }
        assertTrue(held > 0, "some words are settled unsure and held off the timers");
    }

    @Test
    void atTheEndTheUncommittedWordsTakeTheReportsPhasesAndTheTimersCountEveryWord() {
        List<Word> words = LabelledSample.load("seed-strong").words();
        LiveView view = view();
        phrases(words).forEach(view::hear);
        int committed = view.committed();
        List<Phase> live = view.phases();
        List<Phase> report = view.finish();
        assertEquals(StarSegmenter.standard().label(words), report, "the report is the finished answer labelled whole");
        for (int i = 0; i < words.size(); i++) {
            assertEquals(i < committed && !view.held(i) ? live.get(i) : report.get(i), view.phaseOf(i), "word " + i);
        }
        double total = view.timers().stream().mapToDouble(PhaseTiming::seconds).sum();
        double spoken = words.get(words.size() - 1).end() - words.get(0).start();
        assertEquals(spoken, total, 0.3, "every word is on a timer once the answer ends");
    }
}
