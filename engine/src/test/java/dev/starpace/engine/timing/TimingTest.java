package dev.starpace.engine.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.starpace.engine.Level;
import dev.starpace.engine.Phase;
import dev.starpace.engine.bank.Card;
import dev.starpace.engine.bank.QuestionBank;
import dev.starpace.engine.transcript.Word;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimingTest {
    private final Card seed = QuestionBank.builtIn().get("customer-obsession-above-and-beyond");

    @Test
    void phasesAddUpOverAllTheirSegmentsIncludingTrailingPauses() {
        List<Word> words = List.of(new Word("a", 0, 10), new Word("b", 12, 20), new Word("c", 20, 30), new Word("d", 31, 40));
        List<Phase> phases = List.of(Phase.RESULT, Phase.SITUATION, Phase.SITUATION, Phase.RESULT);
        List<PhaseTiming> t = Timing.phases(words, phases, Timing.targets(seed, Level.SDE2));
        PhaseTiming result = t.get(Phase.RESULT.ordinal());
        assertEquals(2, result.segments().size());
        assertEquals(12 + 9, result.seconds(), 1e-9);
        assertEquals(19, t.get(Phase.SITUATION.ordinal()).seconds(), 1e-9);
        assertEquals(PhaseStatus.MISSING, t.get(Phase.TASK.ordinal()).status());
        assertEquals(40, t.stream().mapToDouble(PhaseTiming::seconds).sum(), 1e-9);
    }

    @Test
    void expectedSecondsWeighEachWordsTimeByItsLikelihoods() {
        List<Word> words = List.of(new Word("a", 0, 9), new Word("b", 10, 19), new Word("c", 20, 25));
        double[][] likely = {{1, 0, 0, 0, 0}, {0.25, 0.75, 0, 0, 0}, {0, 0, 1, 0, 0}};
        Map<Phase, Double> expected = Timing.expectedSeconds(words, likely);
        assertEquals(12.5, expected.get(Phase.SITUATION), 1e-9);
        assertEquals(7.5, expected.get(Phase.TASK), 1e-9);
        assertEquals(5, expected.get(Phase.ACTION), 1e-9);
        assertEquals(0, expected.get(Phase.RESULT), 1e-9);
    }

    @Test
    void statusUsesAQuarterTolerance() {
        assertEquals(PhaseStatus.SHORT, PhaseStatus.of(22, 30));
        assertEquals(PhaseStatus.ON_TARGET, PhaseStatus.of(23, 30));
        assertEquals(PhaseStatus.ON_TARGET, PhaseStatus.of(37.4, 30));
        assertEquals(PhaseStatus.LONG, PhaseStatus.of(38, 30));
        assertEquals(PhaseStatus.MISSING, PhaseStatus.of(0, 30));
    }

    @Test
    void statusIsJudgedOnTheWholeSecondsShown() {
        // the same answer heard as 14.9 s or 15.1 s is shown as "15 s of 20" both times, and on target both times
        assertEquals(PhaseStatus.ON_TARGET, PhaseStatus.of(14.9, 20));
        assertEquals(PhaseStatus.ON_TARGET, PhaseStatus.of(15.1, 20));
        assertEquals(PhaseStatus.SHORT, PhaseStatus.of(14.4, 20));
        assertEquals(PhaseStatus.LONG, PhaseStatus.of(37.5, 30));
        assertEquals(PhaseStatus.MISSING, PhaseStatus.of(0, 30));
    }

    @Test
    void sde1TargetsShrinkToFitTwoMinutesAndSeniorKeepsTheCards() {
        Map<Phase, Double> sde1 = Timing.targets(seed, Level.SDE1);
        assertEquals(120, sde1.values().stream().mapToDouble(Double::doubleValue).sum(), 0.3);
        assertEquals(61.7, sde1.get(Phase.ACTION), 0.1);
        Map<Phase, Double> senior = Timing.targets(seed, Level.SENIOR);
        assertEquals(90, senior.get(Phase.ACTION));
        assertEquals(30, senior.get(Phase.SITUATION));
    }

    @Test
    void theWholeAnswerIsJudgedAgainstTheLevelsBudget() {
        assertEquals(Budget.Status.LONG, Timing.budget(150, seed, Level.SDE1).status());
        assertEquals(Budget.Status.ON_TARGET, Timing.budget(150, seed, Level.SENIOR).status());
        assertEquals(Budget.Status.SHORT, Timing.budget(100, seed, Level.SENIOR).status());
    }
}
