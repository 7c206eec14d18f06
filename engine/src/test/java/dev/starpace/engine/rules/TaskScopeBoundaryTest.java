package dev.starpace.engine.rules;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starpace.engine.bank.QuestionBank;
import org.junit.jupiter.api.Test;

class TaskScopeBoundaryTest {
    private final TaskScopeBoundary rule = new TaskScopeBoundary(QuestionBank.builtIn().defaultCard());

    @Test
    void findsTheBoundaryInItsManyForms() {
        assertBoundary("This service belonged to the Platform team - not mine.", "not mine");
        assertBoundary("It wasn't my team's code and there was no ticket for it.", "wasn't my team's");
        assertBoundary("Nobody had asked me to look into it.", "nobody had asked");
        assertBoundary("I hadn't been asked to fix it, but I did.", "hadn't been asked");
        assertBoundary("She didn't report to me and wasn't on my team.", "didn't report to me");
        assertBoundary("When I searched their backlog there wasn't a single ticket about it.", "wasn't a single ticket");
        assertBoundary("It was outside my scope, owned by the data team.", "outside my");
        assertBoundary("Technically it belonged to the infra team, so it wasn't on my plate.", "wasn't on my plate");
        assertBoundary("Nobody owned it and it wasn't on anyone's roadmap.", "nobody owned");
        assertBoundary("It was not part of my responsibilities as a frontend engineer.", "not part of my responsibilities");
        assertBoundary("This was another team's service and I had no obligation to touch it.", "another team's");
    }

    @Test
    void findsANegationThatReachesAnOwner() {
        // none of these matched a scope phrase before the negated owner
        assertBoundary("The export wasn't even ours, the reporting team had it.", "wasn't even ours");
        assertBoundary("The library came from the ads group, not to us, but it shipped in our app.", "not to us");
        assertBoundary("None of that was mine to decide.", "none of that was mine");
        assertBoundary("It had nothing to do with my roadmap.", "nothing to do with my roadmap");
        assertBoundary("Fixing it was not on the roadmap for anyone.", "not on the roadmap");
    }

    @Test
    void findsTheBoundaryInWordsNoPhraseListHolds() {
        // whatever the speaker says was not theirs, another owner named, an adverb before "owned", a rule they bent
        assertBoundary("Those weren't my shipments, the night crew booked them in.", "weren't my shipments");
        assertBoundary("It wasn't in my reporting line at all.", "wasn't in my reporting");
        assertBoundary("Strictly the rota belonged to the duty manager.", "belonged to the duty");
        assertBoundary("The tills are owned by head office.", "owned by head office");
        assertBoundary("Nobody really owned the weekly stock report.", "nobody really owned");
        assertBoundary("I wasn't supposed to change the shelf plan myself.", "wasn't supposed to");
        assertBoundary("My task was the lunch rota, not the stock counts.", "my task was the lunch rota");
    }

    @Test
    void whatTheSpeakerOwnsOrDidWrongIsNotABoundary() {
        assertNoBoundary("The dashboard belonged to my team, so I had to fix it by Monday.");
        assertNoBoundary("It was not my fault the van was late, but I had to get the order out.");
        assertNoBoundary("The returns process is owned by us, so I needed to cut the queue.");
    }

    @Test
    void aNegationThatDoesNotReachAnOwnerIsNotABoundary() {
        assertNoBoundary("I wasn't sure our service could take the load, so I set a target of ten thousand requests.");
        assertNoBoundary("It wasn't clear to us what failed, so I had to find out by Friday.");
        assertNoBoundary("I wanted it right for every timezone, not just ours.");
    }

    @Test
    void aTaskInsideTheSpeakersOwnRemitIsNotABoundary() {
        assertNoBoundary("Search quality was my area, so it was on me to find the cause.");
        assertNoBoundary("I was the on-call that week, so it was my job to get the crash rate down.");
        assertNoBoundary("Nobody on my team knew the billing code, so I needed to learn it.");
        assertNoBoundary("My manager asked me to own the migration.");
        assertNoBoundary("It was my responsibility as the tech lead to fix it.");
    }

    @Test
    void theBoundaryMustBeInTheTask() {
        RuleResult r = rule.check(Answers.of("S: The service was not mine and nobody had asked me.",
            "T: I needed to fix the drop rate.", "A: I fixed it."));
        assertFalse(r.passed(), r.toString());
    }

    @Test
    void noTaskAtAllFailsWithAHint() {
        RuleResult r = rule.check(Answers.of("S: It broke.", "A: I fixed it."));
        assertFalse(r.passed());
        assertTrue(r.message().startsWith("No Task heard"));
    }

    private void assertBoundary(String task, String evidence) {
        RuleResult r = rule.check(Answers.of("S: Drops were happening.", "T: " + task, "A: I fixed it."));
        assertTrue(r.passed(), task + " -> " + r);
        assertTrue(r.evidence().stream().anyMatch(e -> e.text().contains(evidence)), r.evidence().toString());
    }

    private void assertNoBoundary(String task) {
        RuleResult r = rule.check(Answers.of("S: Drops were happening.", "T: " + task, "A: I fixed it."));
        assertFalse(r.passed(), task + " -> " + r);
    }

    @Test
    void aRemitSetAgainstTheWorkIsABoundary() {
        // the example, typed: "the Task never names the boundary"
        RuleResult r = new TaskScopeBoundary(Answers.SEED).check(Answers.of("S: Our shared build tool broke every week.",
            "T: My job was search features, not the build, and nobody had owned it.", "A: I rewrote the cache."));
        assertTrue(r.passed(), r.toString());
        RuleResult assigned = new TaskScopeBoundary(Answers.SEED).check(Answers.of("S: Our build broke every week.",
            "T: My job was to fix the build, not just patch it.", "A: I rewrote the cache."));
        assertFalse(assigned.passed(), "a remit that is the work itself is no boundary: " + assigned);
    }
}
