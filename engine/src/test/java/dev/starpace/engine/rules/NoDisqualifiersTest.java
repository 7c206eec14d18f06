package dev.starpace.engine.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starpace.engine.bank.QuestionBank;
import org.junit.jupiter.api.Test;

class NoDisqualifiersTest {
    private final NoDisqualifiers generic = new NoDisqualifiers(QuestionBank.builtIn().defaultCard());

    @Test
    void flagsHandOffsWithTheClauseAsEvidence() {
        assertFlag("We couldn't agree, so I escalated it to my manager and she handled it from there.",
            "i escalated it to my manager and she handled it");
        assertFlag("My manager suggested I look into it since I had bandwidth.", "my manager suggested i look into it");
        assertFlag("I sent them a Slack message and they handled it.", "i sent them a slack message and they handled it");
        assertFlag("So I told the Platform team about it.", "i told the platform team about it");
        assertFlag("They looked into the problem and eventually fixed it.", "they looked into the problem and eventually fixed it");
        assertFlag("I passed it to the on-call team.", "i passed it to the on call team");
        assertFlag("I handed it over to the platform team.", "i handed it over to the platform team");
        assertFlag("I let the owning team know and they took it from there.", "i let the owning team know");
        assertFlag("I pinged the owner on Slack.", "i pinged the owner on slack");
        assertFlag("I was assigned this task by my manager.", "assigned this task by my manager");
        assertFlag("I reported it to my manager and waited.", "and waited");
    }

    @Test
    void ownedWorkIsNotAHandOff() {
        RuleResult r = generic.check(Answers.of("A: I flagged the issue to their tech lead but brought a complete fix with tests.",
            "A: I walked their lead through the data and answered his review comments.",
            "A: I fixed it myself and told the team afterwards. I wrote the fix and asked them to review it.",
            "R: Her manager told me the team now goes to her for design feedback."));
        assertTrue(r.passed(), r.toString());
    }

    @Test
    void theCardsOwnPhrasesAreDisqualifiersToo() {
        NoDisqualifiers seed = new NoDisqualifiers(Answers.SEED);
        RuleResult r = seed.check(Answers.of("A: I escalated."));
        assertFalse(r.passed());
        assertEquals(1, r.value());
    }

    private void assertFlag(String sentence, String evidence) {
        RuleResult r = generic.check(Answers.of("S: Something broke.", "A: " + sentence, "R: It was fixed."));
        assertFalse(r.passed(), sentence);
        assertTrue(r.evidence().stream().anyMatch(e -> e.text().contains(evidence)), r.evidence() + " lacks " + evidence);
    }

    @Test
    void escalatingAsTheRightMoveIsNotAHandOff() {
        // the example: in a leaked-key incident, calling security at once is the move, and the speaker acts on
        RuleResult r = generic.check(Answers.of("S: A contractor pushed a live payments key to a public repository.",
            "T: It was my team's service, so the leak was mine to handle.",
            "A: I escalated to the security on-call right away, then I revoked the key and I rotated every secret the contractor could reach.",
            "R: The key was dead within twelve minutes and no charge went through."));
        assertTrue(r.passed(), r.toString());
    }

    @Test
    void escalatingAndLeavingItToOthersIsStillAHandOff() {
        RuleResult r = generic.check(Answers.of("S: The checkout page was broken for a day.",
            "A: I escalated it to the platform team and they handled it on Friday.", "R: The page works again."));
        assertFalse(r.passed(), r.toString());
    }
}
