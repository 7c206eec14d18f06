package dev.starpace.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starpace.engine.bank.Card;
import dev.starpace.engine.bank.QuestionBank;
import dev.starpace.engine.probe.FindingProbes;
import dev.starpace.engine.probe.ProbeJudge;
import dev.starpace.engine.probe.ProbePicker;
import dev.starpace.engine.probe.ProbeVerdict;
import dev.starpace.engine.transcript.EstimatedTimings;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProbeJudgeTest {
    private final Card seed = QuestionBank.builtIn().get("customer-obsession-above-and-beyond");

    @Test
    void theCardsOwnWeakAnswerIsJudgedWeakAndItsStrongAnswerStrong() {
        for (int i = 0; i < seed.probes().size(); i++) {
            Card.Probe p = seed.probes().get(i);
            assertEquals(ProbeVerdict.WEAK, ProbeJudge.judge(seed, i, EstimatedTimings.words(p.weak().answer())).verdict(),
                p.weak().answer());
            assertEquals(ProbeVerdict.STRONG, ProbeJudge.judge(seed, i, EstimatedTimings.words(p.strong().answer())).verdict(),
                p.strong().answer());
        }
    }

    @Test
    void aNewAnswerInTheStrongAnswersSpiritIsStrong() {
        ProbeVerdict v = ProbeJudge.judge(seed, 0, EstimatedTimings.words("I brought their tech lead a complete fix with tests,"
            + " answered the review feedback the same day, and followed up until the PR merged."));
        assertEquals(ProbeVerdict.STRONG, v.verdict(), v.toString());
        ProbeVerdict handOff = ProbeJudge.judge(seed, 0, EstimatedTimings.words("I escalated it to their manager and they handled it."));
        assertEquals(ProbeVerdict.WEAK, handOff.verdict());
        assertTrue(handOff.reasons().get(0).startsWith("Hands the problem off"), handOff.reasons().toString());
    }

    @Test
    void reasonsQuoteTheWordsAsSaidNotTheirStems() {
        ProbeVerdict v = ProbeJudge.judge(seed, 0, EstimatedTimings.words("I brought their tech lead a complete fix with tests,"
            + " answered the review feedback the same day, and followed up until the PR merged."));
        assertTrue(v.sharedWithStrong().contains("merged"), v.sharedWithStrong().toString());
        for (String reason : v.reasons()) {
            assertFalse(reason.matches(".*\\b(merg|review feedback answer)\\b.*"), reason);
        }
    }

    @Test
    void aProbeFromTheCardsStoryIsNotAskedAfterAnAnswerWithoutItsDetails() {
        Analyzer analyzer = new Analyzer(QuestionBank.builtIn());
        List<ProbePicker.Pick> picks = ProbePicker.order(seed, analyzer.analyzeWritten(
            "Our checkout page kept timing out for shoppers, so I profiled it, cached the price lookups and cut the errors to zero.",
            seed.id(), Level.SDE2));
        assertTrue(picks.stream().noneMatch(p -> p.index() == 0), "the Platform team was never mentioned: " + picks);
        assertTrue(picks.stream().noneMatch(p -> p.question().contains("wasn’t your team’s responsibility")),
            "the answer never said it was not its team's: " + picks);

        List<ProbePicker.Pick> sameStory = ProbePicker.order(seed, analyzer.analyzeWritten(
            "It was not my team's service but I fixed it, and the platform team accepted and merged my fix after review.",
            seed.id(), Level.SDE2));
        assertTrue(sameStory.stream().anyMatch(p -> p.index() == 0), sameStory.toString());
    }

    @Test
    void aFollowUpAboutWhatTheAnswerLeftOutIsJudgedLikeTheCardsOwn() {
        int we = FindingProbes.all(seed).size() - 7;
        ProbeVerdict weak = ProbeJudge.judge(seed, we, EstimatedTimings.words("We all worked on it together and the team got it done."));
        assertEquals(ProbeVerdict.WEAK, weak.verdict(), weak.toString());
    }
}
