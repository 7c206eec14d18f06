package dev.starpace.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starpace.engine.bank.Card;
import dev.starpace.engine.bank.QuestionBank;
import dev.starpace.engine.probe.ProbeJudge;
import dev.starpace.engine.probe.ProbeVerdict;
import dev.starpace.engine.transcript.EstimatedTimings;
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
}
