package dev.starpace.engine.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starpace.engine.Phase;
import dev.starpace.engine.rules.Evidence;
import dev.starpace.engine.rules.RuleResult;
import dev.starpace.engine.rules.RuleSet;
import dev.starpace.engine.timing.Budget;
import dev.starpace.engine.timing.PhaseStatus;
import dev.starpace.engine.timing.PhaseTiming;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The verdict's words come from the answer's own findings and agree with its call. */
class BarRaiserTest {
    private static final List<PhaseTiming> ON_TARGET = Arrays.stream(Phase.values())
        .map(p -> new PhaseTiming(p, 20, 20, PhaseStatus.ON_TARGET, List.of())).toList();
    private static final Budget IN_BUDGET = new Budget(150, 120, 180, Budget.Status.ON_TARGET);

    private static List<RuleResult> rules(String... failing) {
        List<RuleResult> out = new ArrayList<>();
        for (String id : RuleSet.CONTENT_RULE_IDS) {
            boolean fails = List.of(failing).contains(id);
            out.add(new RuleResult(id, !fails, null, id, fails ? List.of(new Evidence(1, 2, "i told them")) : List.of()));
        }
        return out;
    }

    private static Score score(int total) {
        return new Score(total, List.of());
    }

    @Test
    void aHighScoreWithOneGapIsLeaningHireAndItsOpeningSaysSo() {
        Verdict v = BarRaiser.verdict("Ownership", score(90), ON_TARGET, IN_BUDGET, rules("reflection-specific"));
        assertEquals(Verdict.Decision.LEANING_HIRE, v.decision());
        assertTrue(v.text().startsWith("A good answer: you own the Action"), v.text());
        assertFalse(v.text().contains("fails on content"), v.text());
        assertFalse(v.text().contains("Hard to follow"), v.text());
        assertEquals(List.of("a reflection specific to this story"), v.toStrongHire());
        assertTrue(v.text().contains("For a Strong Hire: a reflection specific to this story."), v.text());
        assertTrue(v.text().endsWith("Leaning Hire for this LP (Ownership)."), v.text());
    }

    @Test
    void everyCheckPassedAndEightyFiveOrMoreIsAStrongHire() {
        Verdict v = BarRaiser.verdict("Ownership", score(BarRaiser.STRONG_HIRE_SCORE), ON_TARGET, IN_BUDGET, rules());
        assertEquals(Verdict.Decision.STRONG_HIRE, v.decision());
        assertTrue(v.text().startsWith("Clear story: you own the Action, the Result is in numbers"), v.text());
        assertTrue(v.toStrongHire().isEmpty());
    }

    @Test
    void aLowScoreWithEveryCheckPassedSaysTheScoreIsWhatIsMissing() {
        Verdict v = BarRaiser.verdict("Ownership", score(80), ON_TARGET, IN_BUDGET, rules());
        assertEquals(Verdict.Decision.LEANING_HIRE, v.decision());
        assertTrue(v.text().startsWith("A good answer"), v.text());
        assertEquals(List.of("a score of 85 or more (this one is 80)"), v.toStrongHire());
    }

    @Test
    void anAnswerThatPassesNothingIsCalledLightOnSubstance() {
        Verdict v = BarRaiser.verdict("Ownership", score(30), ON_TARGET, IN_BUDGET, rules(RuleSet.CONTENT_RULE_IDS.toArray(String[]::new)));
        assertEquals(Verdict.Decision.NO_HIRE, v.decision());
        assertTrue(v.text().startsWith("Light on substance"), v.text());
        assertEquals(6, v.toStrongHire().size(), v.toStrongHire().toString());
    }

    @Test
    void secondsInReasonsAreRoundedAsTheyAreShown() {
        List<PhaseTiming> phases = new ArrayList<>(ON_TARGET);
        phases.set(2, new PhaseTiming(Phase.ACTION, 19.6, 90, PhaseStatus.SHORT, List.of()));
        Verdict v = BarRaiser.verdict("Ownership", score(90), phases, IN_BUDGET, rules());
        assertTrue(v.reasons().contains("Thin Action: 20 s of 90."), v.reasons().toString());
    }

    private static RuleResult failedPace() {
        return RuleResult.fail("pace", 190.0, "You spoke at 190 words a minute: slow to 110–170 so the interviewer can take notes.", List.of());
    }

    @Test
    void aRamblingAnswerWithANineSecondActionCannotLeanHireAndCountsItsGapsAsItNamesThem() {
        // the ramble: 74 s of Situation, 9 s of Action, no reflection, scored 75
        List<PhaseTiming> phases = List.of(new PhaseTiming(Phase.SITUATION, 74, 30, PhaseStatus.LONG, List.of()),
            new PhaseTiming(Phase.TASK, 15, 20, PhaseStatus.ON_TARGET, List.of()),
            new PhaseTiming(Phase.ACTION, 9, 90, PhaseStatus.SHORT, List.of()),
            new PhaseTiming(Phase.RESULT, 20, 20, PhaseStatus.ON_TARGET, List.of()),
            new PhaseTiming(Phase.REFLECTION, 0, 15, PhaseStatus.MISSING, List.of()));
        List<RuleResult> rules = new ArrayList<>(rules());
        rules.set(3, new RuleResult("reflection-specific", false, "missing", "No reflection.", List.of()));
        Verdict v = BarRaiser.verdict("Ownership", score(75), phases, IN_BUDGET, rules);
        assertEquals(Verdict.Decision.LEANING_NO_HIRE, v.decision(), v.text());
        assertFalse(v.text().contains("one gap"), v.text());
        assertTrue(v.text().contains("three gaps hold it back"), v.text());
        assertTrue(v.reasons().containsAll(List.of("No reflection.", "Situation runs long: 74 s of 30.", "Thin Action: 9 s of 90.")), v.reasons().toString());
    }

    @Test
    void theSameScoreCallsDifferentlyOnlyForAGapTheVerdictNames() {
        Verdict tidy = BarRaiser.verdict("Ownership", score(75), ON_TARGET, IN_BUDGET, rules("reflection-specific"));
        List<PhaseTiming> thin = new ArrayList<>(ON_TARGET);
        thin.set(2, new PhaseTiming(Phase.ACTION, 9, 90, PhaseStatus.SHORT, List.of()));
        Verdict rambling = BarRaiser.verdict("Ownership", score(75), thin, IN_BUDGET, rules("reflection-specific"));
        assertEquals(Verdict.Decision.LEANING_HIRE, tidy.decision(), tidy.text());
        assertEquals(Verdict.Decision.LEANING_NO_HIRE, rambling.decision(), rambling.text());
        assertTrue(rambling.reasons().contains("Thin Action: 9 s of 90."), rambling.reasons().toString());
    }

    @Test
    void aPassedHandOffCheckIsNotCalledNoneOfTheChecksPassed() {
        Verdict v = BarRaiser.verdict("Ownership", score(50), ON_TARGET, IN_BUDGET,
            rules("action-first-person", "result-quantified", "task-scope-boundary", "reflection-specific"));
        assertFalse(v.text().contains("none of the content checks passed"), v.text());
        assertTrue(v.text().contains("you keep ownership"), v.text());
    }

    @Test
    void aStrongHireIsNeverFollowedByTheDeliveryGettingInTheWay() {
        List<RuleResult> rules = new ArrayList<>(rules());
        rules.add(failedPace());
        Verdict v = BarRaiser.verdict("Ownership", score(90), ON_TARGET, IN_BUDGET, rules);
        assertEquals(Verdict.Decision.LEANING_HIRE, v.decision(), v.text());
        assertFalse(v.text().contains("gets in the way"), v.text());
        assertTrue(v.toStrongHire().contains("a pace of 110–170 words a minute"), v.toStrongHire().toString());
    }
}
