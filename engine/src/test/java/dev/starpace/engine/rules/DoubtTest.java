package dev.starpace.engine.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A rule whose verdict rests on words the recognizer was unsure of says "unclear", with the stretch to replay. */
class DoubtTest {
    private static final double UNSURE = 0.35;

    @Test
    void aHandOffHeardOnlyThroughUnsureWordsIsUnclearNotFailed() {
        Answer heard = Answers.of("T: The checkout page was broken for a day.",
            "A: I escalated it and they handled it on Friday.", "R: The page works.");
        Rule rule = new NoDisqualifiers(Answers.SEED);
        assertEquals(RuleResult.FAILED, Doubt.check(rule, heard).status(), "sure of every word: a hand-off");

        RuleResult unsure = Doubt.check(rule, Answers.unsureOf(heard, UNSURE, "escalated", "handled"));
        assertEquals(RuleResult.UNCLEAR, unsure.status(), unsure.toString());
        assertFalse(unsure.passed());
        assertTrue(unsure.replay().text().contains("escalated"), unsure.replay().toString());
        assertTrue(unsure.message().startsWith("Unclear"), unsure.message());
        assertEquals(UNSURE, unsure.evidence().get(0).conf(), 1e-9, "the evidence says how unsure");
    }

    @Test
    void aScopePhraseMisheardOnAnUnsureWordIsUnclearNotFailed() {
        // "nobody had tasked me" heard as "nobody had taxed me"
        Answer misheard = Answers.of("S: Our checkout was slow.", "T: Nobody had taxed me with it, but I took it on.",
            "A: I profiled the page.");
        Rule rule = new TaskScopeBoundary(Answers.SEED);
        assertEquals(RuleResult.FAILED, Doubt.check(rule, misheard).status(), "a sure 'taxed' is what was said");
        RuleResult unsure = Doubt.check(rule, Answers.unsureOf(misheard, UNSURE, "taxed"));
        assertEquals(RuleResult.UNCLEAR, unsure.status(), unsure.toString());
        assertTrue(unsure.replay().text().contains("taxed"), unsure.replay().toString());
    }

    @Test
    void aNegatedOwnerMisheardOnAnUnsureWordIsUnclearNotFailed() {
        // "none of that was mine to decide" heard as "... was mind to decide" (c-d15 at 15 dB)
        Answer misheard = Answers.of("S: The vendor kept missing dates.", "T: None of that was mind to decide, but I took it on.",
            "A: I rewrote the runbook.");
        Rule rule = new TaskScopeBoundary(Answers.SEED);
        assertEquals(RuleResult.FAILED, Doubt.check(rule, misheard).status(), "a sure 'mind' is what was said");
        RuleResult unsure = Doubt.check(rule, Answers.unsureOf(misheard, UNSURE, "mind"));
        assertEquals(RuleResult.UNCLEAR, unsure.status(), unsure.toString());
        assertTrue(unsure.replay().text().contains("mind"), unsure.replay().toString());
    }

    @Test
    void aVerdictThatDoesNotTurnOnTheUnsureWordsStands() {
        Answer heard = Answers.of("T: It was not my team's service and nobody had asked me.",
            "A: I traced the bug and I fixed it myself.", "R: Errors fell from 3 percent to zero.");
        Answer unsure = Answers.unsureOf(heard, UNSURE, "traced", "bug");
        for (Rule rule : java.util.List.of(new TaskScopeBoundary(Answers.SEED), new NoDisqualifiers(Answers.SEED),
            new ActionFirstPerson(), new ResultQuantified())) {
            RuleResult r = Doubt.check(rule, unsure);
            assertTrue(r.passed(), r.toString());
            assertNull(r.replay());
        }
    }

    @Test
    void unsureSubjectsCountLessInTheAction() {
        // three "we" the recognizer was unsure of against two sure "I": the verdict turns on them
        Answer heard = Answers.of("A: I opened the logs. We found the leak. We patched it. We deployed it. I watched it.");
        RuleResult sure = Doubt.check(new ActionFirstPerson(), heard);
        assertEquals(RuleResult.FAILED, sure.status(), sure.toString());
        RuleResult unsure = Doubt.check(new ActionFirstPerson(), Answers.unsureOf(heard, UNSURE, "we"));
        assertEquals(RuleResult.UNCLEAR, unsure.status(), unsure.toString());
        assertNotNull(unsure.replay());
    }

    @Test
    void onAPoorRecordingACloseCallOfTheActionJudgeIsUnclear() {
        // two "we" that act among five "I": the judge's probability is within CloseCall.BAND of its line
        Answer heard = Answers.of("A: I opened the logs. I found the leak. I wrote the patch. We tested it. We deployed the fix. I watched the errors. I wrote it up.");
        ActionFirstPerson rule = new ActionFirstPerson();
        assertTrue(rule.margin(heard) < CloseCall.BAND, "a close call: " + rule.margin(heard));
        RuleResult clean = Doubt.check(rule, heard);
        assertFalse(clean.unclear(), "a clean recording's verdict stands: " + clean);
        RuleResult noisy = Doubt.check(rule, heard.heardInPoorRecording());
        assertEquals(RuleResult.UNCLEAR, noisy.status(), noisy.toString());
        assertTrue(noisy.message().startsWith("Unclear: with this recording's quality, this is too close to call"), noisy.message());
        assertNotNull(noisy.replay());
    }

    @Test
    void onAPoorRecordingAClearVerdictStands() {
        Answer heard = Answers.of("T: Nobody had asked me to look at it.",
            "A: I opened the logs. I found the leak. I patched it. I deployed the fix. I watched the errors.",
            "R: The customer was happy again.").heardInPoorRecording();
        RuleResult action = Doubt.check(new ActionFirstPerson(), heard);
        assertEquals(RuleResult.PASSED, action.status(), action.toString());
        RuleResult result = Doubt.check(new ResultQuantified(), heard);
        assertEquals(RuleResult.FAILED, result.status(), "no metric anywhere near the Result: " + result);
    }

    @Test
    void onAPoorRecordingAMetricHeardJustBeforeTheResultMakesItsFailureUnclear() {
        // the segmenter ended the Action one sentence late: the metric is in it (c-a05 and c-d15 at 15 dB)
        Answer heard = Answers.of("T: Nobody had asked me to look at it.", "A: I rewrote the nightly export job.",
            "A: Errors fell from three percent to zero within a week.", "R: The customer was happy again.");
        Rule rule = new ResultQuantified();
        assertEquals(RuleResult.FAILED, Doubt.check(rule, heard).status(), "a clean recording's segmentation is trusted");
        RuleResult noisy = Doubt.check(rule, heard.heardInPoorRecording());
        assertEquals(RuleResult.UNCLEAR, noisy.status(), noisy.toString());
        assertTrue(noisy.replay().text().contains("three percent"), noisy.replay().toString());
        assertTrue(noisy.message().contains("it turns on where your result begins or ends"), noisy.message());
    }

    @Test
    void onAPoorRecordingAScopeBoundaryHeardJustBeforeTheTaskMakesItsFailureUnclear() {
        Answer heard = Answers.of("S: Our checkout was slow for a month.", "S: Nobody had asked me to look at it.",
            "T: I decided to find out why.", "A: I profiled the page and I fixed the query.");
        Rule rule = new TaskScopeBoundary(Answers.SEED);
        assertEquals(RuleResult.FAILED, Doubt.check(rule, heard).status());
        RuleResult noisy = Doubt.check(rule, heard.heardInPoorRecording());
        assertEquals(RuleResult.UNCLEAR, noisy.status(), noisy.toString());
        assertTrue(noisy.replay().text().contains("nobody had asked"), noisy.replay().toString());
    }

    @Test
    void onAPoorRecordingAScopeBoundaryHeardAnywhereInTheSetupMakesItsFailureUnclear() {
        // a task-first answer whose opening the segmenter put in the Situation, two units off (c-c05 with white noise)
        Answer heard = Answers.of("S: Just to be clear, nobody had asked me to take this on.",
            "S: Our checkout was slow for a month.", "S: Support had sent us forty tickets about it.",
            "T: I decided to find out why.", "A: I profiled the page and I fixed the query.");
        Rule rule = new TaskScopeBoundary(Answers.SEED);
        assertEquals(RuleResult.FAILED, Doubt.check(rule, heard).status(), "a clean recording's segmentation is trusted");
        RuleResult noisy = Doubt.check(rule, heard.heardInPoorRecording());
        assertEquals(RuleResult.UNCLEAR, noisy.status(), noisy.toString());
        assertTrue(noisy.replay().text().contains("nobody had asked"), noisy.replay().toString());
        Answer none = Answers.of("S: Our checkout was slow for a month.", "S: Support had sent us forty tickets about it.",
            "T: I decided to find out why.", "A: I profiled the page and I fixed the query.");
        assertEquals(RuleResult.FAILED, Doubt.check(rule, none.heardInPoorRecording()).status(),
            "no boundary anywhere in the setup: still failed");
    }
}
