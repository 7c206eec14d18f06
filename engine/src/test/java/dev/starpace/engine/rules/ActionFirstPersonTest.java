package dev.starpace.engine.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ActionFirstPersonTest {
    private final ActionFirstPerson rule = new ActionFirstPerson();

    @Test
    void weOutsideTheActionDoesNotCount() {
        RuleResult r = rule.check(Answers.of("S: We were a team of five and we owned checkout.",
            "A: I traced the bug. I wrote the patch. I added an alert.",
            "R: We cut errors by half and they adopted the alert."));
        assertTrue(r.passed(), r.toString());
        assertEquals(0.0, r.value());
    }

    @Test
    void failsWhereWeAndTheyDominateTheAction() {
        RuleResult r = rule.check(Answers.of("S: Builds were failing.",
            "A: We looked at the logs. We figured out the root cause. I reviewed the fix. They deployed it."));
        assertFalse(r.passed());
        assertEquals(3, r.evidence().size());
        assertTrue(r.evidence().get(0).text().startsWith("we looked"), r.evidence().toString());
        assertTrue(r.message().contains("\"we\", \"they\" or someone else 3 times"), r.message());
    }

    @Test
    void oneWeAmongManyIsFine() {
        RuleResult r = rule.check(Answers.of("A: I pulled the logs. I traced the race. I wrote the patch. I tested it."
            + " We shipped it on Friday. I added the alert."));
        assertTrue(r.passed(), r.toString());
    }

    @Test
    void theTeamAsSubjectCountsAgainst() {
        RuleResult r = rule.check(Answers.of("A: The team rewrote the service and the team deployed it. I watched."));
        assertFalse(r.passed(), r.toString());
    }

    @Test
    void failsWhereOthersTakeTheStepsThatMatter() {
        // under the old rule (a 0.4 share of "we"/"they" subjects) this passed: one "they" against three "I"s
        RuleResult r = rule.check(Answers.of("S: Nobody used half the licences.",
            "A: I noticed the unused seats. I made a list of them. I sent it to my manager."
                + " My manager took it to finance and they sorted it out with the vendor."));
        assertFalse(r.passed(), r.toString());
        assertEquals(List.of("my manager took", "they sorted"), r.evidence().stream().map(Evidence::text).toList());
    }

    @Test
    void aFragmentOfUmsHeardAsImDoesNotOwnTheAction() {
        // three seconds of "um ... um ... um" that Vosk wrote as "i'm", each held before the next
        java.util.List<dev.starpace.engine.transcript.Word> words = java.util.List.of(
            new dev.starpace.engine.transcript.Word("i'm", 0.0, 0.3, 0.9), new dev.starpace.engine.transcript.Word("i'm", 0.8, 1.1, 0.9),
            new dev.starpace.engine.transcript.Word("i'm", 1.6, 1.9, 0.9), new dev.starpace.engine.transcript.Word("so", 2.4, 2.7, 1.0));
        Answer fragment = new Answer(Answers.SEED, dev.starpace.engine.Level.SDE2, words,
            java.util.Collections.nCopies(4, dev.starpace.engine.Phase.ACTION));
        RuleResult r = rule.check(fragment);
        assertFalse(r.passed(), r.toString());
        assertEquals(0, ActionFirstPerson.count(fragment).mine(), "an um is never first person");
    }

    @Test
    void aRealImStillCounts() {
        RuleResult r = rule.check(Answers.of("A: I'm the one who traced the leak, and I patched it the same night."));
        assertTrue(r.passed(), r.toString());
        assertEquals(2, ActionFirstPerson.count(Answers.of("A: I'm the one who traced the leak, and I patched it.")).mine());
    }
}
