package dev.starpace.engine.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starpace.engine.bank.QuestionBank;
import org.junit.jupiter.api.Test;

class ReflectionSpecificTest {
    private final ReflectionSpecific rule = new ReflectionSpecific(QuestionBank.builtIn().defaultCard());

    private static final String STORY_S = "S: Our nightly billing export kept timing out on large invoices.";
    private static final String STORY_A = "A: I split the export into batches and added a retry queue for failed invoices.";

    @Test
    void aReflectionTiedToTheStoryIsSpecific() {
        RuleResult r = rule.check(Answers.of(STORY_S, STORY_A, "R: Timeouts went to zero.",
            "F: Looking back, I would have load-tested the export with our largest invoices before the batch job ever shipped."));
        assertTrue(r.passed(), r.toString());
        assertEquals("specific", r.value());
    }

    @Test
    void aPlatitudeIsGeneric() {
        RuleResult r = rule.check(Answers.of(STORY_S, STORY_A, "R: Timeouts went to zero.",
            "F: I learned that communication is really important and to be open to other people's opinions."));
        assertFalse(r.passed());
        assertEquals("generic", r.value());
        assertTrue(r.evidence().stream().anyMatch(e -> e.text().contains("communication")), r.evidence().toString());
    }

    @Test
    void aLessonAboutTeamworkOrGrowingIsGenericAndAChangeToThisStorysSystemIsSpecific() {
        for (String generic : new String[] {"I learned the value of teamwork.", "I realized how important it is to be proactive.",
            "I learned a lot from this experience and grew as an engineer."}) {
            assertEquals("generic", rule.check(Answers.of(STORY_S, STORY_A, "R: Timeouts went to zero.", "F: " + generic)).value(), generic);
        }
        RuleResult r = rule.check(Answers.of(STORY_S, STORY_A, "R: Timeouts went to zero.",
            "F: In hindsight I should have written a runbook for the export job before it ever failed."));
        assertEquals("specific", r.value(), r.toString());
    }

    @Test
    void aPlatitudeDressedInTheStorysWordsIsStillGeneric() {
        // reuses "billing", "export", "invoices": the word-overlap reading alone called this specific
        RuleResult r = rule.check(Answers.of(STORY_S, STORY_A, "R: Timeouts went to zero.",
            "F: I learned that teamwork on the billing export is really important and that communication about invoices is key."));
        assertEquals("generic", r.value(), r.toString());
        assertFalse(r.evidence().isEmpty(), "the platitude is shown as evidence");
    }

    @Test
    void noReflectionIsMissing() {
        RuleResult r = rule.check(Answers.of(STORY_S, STORY_A, "R: Timeouts went to zero."));
        assertFalse(r.passed());
        assertEquals("missing", r.value());
    }

    @Test
    void theCardsOwnReflectionPhrasesCountAsSpecific() {
        ReflectionSpecific seedRule = new ReflectionSpecific(Answers.SEED);
        RuleResult r = seedRule.check(Answers.of("S: Webhooks dropped.", "A: I fixed the retries.",
            "F: In retrospect I would have proposed a shared webhook reliability SLO."));
        assertEquals("specific", r.value(), r.toString());
    }

    @Test
    void aHabitChangedSinceIsSpecific() {
        // the example, typed: it was called generic
        RuleResult r = rule.check(Answers.of("S: Our shared build tool broke every week and nobody fixed it.",
            "T: My job was search features, not the build, but nobody had owned it.",
            "A: I traced the flaky step, I rewrote the cache and I wrote a runbook for it.",
            "R: Broken builds went from five a week to none.",
            "F: So now I write down an owner for every shared tool."));
        assertEquals("specific", r.value(), r.toString());
    }
}
