package dev.starpace.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starpace.engine.bank.Card;
import dev.starpace.engine.bank.QuestionBank;
import dev.starpace.engine.probe.ProbeJudge;
import dev.starpace.engine.probe.ProbePicker;
import dev.starpace.engine.probe.ProbeVerdict;
import dev.starpace.engine.text.SpokenText;
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
    void probesThatAssumeTheCardsStoryComeLastAndAreMarked() {
        List<ProbePicker.Pick> picks = ProbePicker.order(seed, SpokenText.words(
            "Our checkout page kept timing out for shoppers, so I profiled it, cached the price lookups and cut the errors to zero."));
        assertEquals(seed.probes().size(), picks.size());
        ProbePicker.Pick platform = picks.stream().filter(p -> p.index() == 0).findFirst().orElseThrow();
        assertTrue(platform.fromCardStory(), "the Platform team was never mentioned: " + platform);
        assertFalse(picks.get(0).fromCardStory(), picks.toString());
        assertTrue(picks.indexOf(platform) > picks.indexOf(picks.stream().filter(p -> !p.fromCardStory()).findFirst().orElseThrow()));

        List<ProbePicker.Pick> sameStory = ProbePicker.order(seed, SpokenText.words(
            "It was not my team's service but I fixed it, and the platform team accepted and merged my fix after review."));
        assertFalse(sameStory.stream().filter(p -> p.index() == 0).findFirst().orElseThrow().fromCardStory(), sameStory.toString());
    }
}
