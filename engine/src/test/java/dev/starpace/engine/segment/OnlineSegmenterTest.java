package dev.starpace.engine.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starpace.engine.Phase;
import dev.starpace.engine.samples.LabelledSample;
import dev.starpace.engine.transcript.EstimatedTimings;
import dev.starpace.engine.transcript.Word;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OnlineSegmenterTest {
    private final CueBook cues = CueBook.standard();

    @Test
    void everyWordHasAPhaseAfterEveryStep() {
        OnlineSegmenter segmenter = new OnlineSegmenter(cues);
        for (Word w : LabelledSample.load("seed-strong").words()) {
            segmenter.accept(w);
            assertEquals(segmenter.size(), segmenter.phases().size());
        }
    }

    @Test
    void onlyRecentWordsAreEverRevisedAndCommittedOnesNeverChange() {
        int lag = 20;
        OnlineSegmenter segmenter = new OnlineSegmenter(cues, new PhaseModel(), lag);
        List<Phase> committedSoFar = new ArrayList<>();
        for (Word w : LabelledSample.load("01-flaky-ci-pipeline").words()) {
            int firstChanged = segmenter.accept(w);
            assertTrue(firstChanged >= segmenter.firstRevisable(), "revised a committed word");
            assertTrue(segmenter.size() - segmenter.firstRevisable() <= lag + lag / 2, "window larger than 1.5 lags");
            List<Phase> now = segmenter.phases();
            assertEquals(committedSoFar, now.subList(0, committedSoFar.size()), "a committed phase changed");
            committedSoFar = new ArrayList<>(now.subList(0, segmenter.firstRevisable()));
        }
        assertTrue(segmenter.firstRevisable() > 400, "long answers commit as they go");
    }

    @Test
    void anAnswerThatOpensWithItsResultStartsInResultThenGoesBackToTheSituation() {
        LabelledSample hook = LabelledSample.load("03-search-ranking-regression");
        OnlineSegmenter segmenter = new OnlineSegmenter(cues);
        hook.words().forEach(segmenter::accept);
        List<Phase> phases = segmenter.phases();
        assertEquals(Phase.RESULT, phases.get(0));
        assertEquals(List.of(Phase.RESULT, Phase.SITUATION, Phase.TASK, Phase.ACTION, Phase.RESULT, Phase.REFLECTION),
            runs(phases));
    }

    @Test
    void anAnswerWithNoTaskSkipsStraightToTheAction() {
        LabelledSample noTask = LabelledSample.load("04-database-migration");
        OnlineSegmenter segmenter = new OnlineSegmenter(cues);
        noTask.words().forEach(segmenter::accept);
        assertEquals(List.of(Phase.SITUATION, Phase.ACTION, Phase.RESULT), runs(segmenter.phases()));
    }

    @Test
    void anAnswerThatStepsBackToAddContextReturnsToTheSituation() {
        List<Word> words = EstimatedTimings.words("I was on the payments team at a small bank. "
            + "My goal was to cut refund times, and it was on me to fix it. "
            + "I traced every refund through the pipeline and I rewrote the batch job as a stream. "
            + "At the time we were a team of three and the bank had just been acquired, so nobody had time to review it. "
            + "Then I load tested the stream at three times peak and I rolled it out behind a flag. "
            + "Refund times went from nine days to under one day.");
        OnlineSegmenter segmenter = new OnlineSegmenter(cues);
        words.forEach(segmenter::accept);
        List<Phase> runs = runs(segmenter.phases());
        assertEquals(Phase.SITUATION, runs.get(0));
        assertTrue(runs.contains(Phase.ACTION) && runs.get(runs.size() - 1) == Phase.RESULT, runs.toString());
        int firstAction = runs.indexOf(Phase.ACTION);
        assertTrue(runs.subList(firstAction, runs.size()).contains(Phase.SITUATION), "steps back: " + runs);
    }

    @Test
    void fillersDoNotHideACue() {
        OnlineSegmenter plain = new OnlineSegmenter(cues);
        OnlineSegmenter filled = new OnlineSegmenter(cues);
        EstimatedTimings.words("Looking back I would have added the alert first.").forEach(plain::accept);
        EstimatedTimings.words("Um, looking, uh, back I would have, like, added the alert first.").forEach(filled::accept);
        assertEquals(Phase.REFLECTION, plain.phaseOf(0));
        assertTrue(filled.phases().stream().allMatch(p -> p == Phase.REFLECTION), filled.phases().toString());
    }

    static List<Phase> runs(List<Phase> phases) {
        List<Phase> runs = new ArrayList<>();
        for (Phase p : phases) {
            if (runs.isEmpty() || runs.get(runs.size() - 1) != p) {
                runs.add(p);
            }
        }
        return runs;
    }
}
