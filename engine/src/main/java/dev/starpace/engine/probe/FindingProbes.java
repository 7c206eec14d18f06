package dev.starpace.engine.probe;

import dev.starpace.engine.bank.Card;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The follow-ups an interviewer asks about what an answer did or did not say, whatever the card: each a probe with a
 * weak and a strong answer like a card's, so {@link ProbeJudge} judges the reply the same way. They follow the card's own
 * probes in a card's list (index {@code card.probes().size() + k}); the question asked quotes the answer's words
 * ({@link ProbePicker}), the stored one does not.
 */
public final class FindingProbes {
    static final Map<Premise, Card.Probe> BY_PREMISE = Map.of(
        Premise.WE_SAID, probe("What did you do yourself, rather than the team?", "Individual contribution.",
            "We all worked on it together and the team got it done.",
            "I did the investigation myself: I traced the failures, I wrote the change and I tested it before anyone reviewed it.",
            "Name what you did, with I."),
        Premise.HAND_OFF_SAID, probe("After you raised it, what did you do yourself to see it through?", "Ownership after an escalation.",
            "I told them about it and they handled it from there.",
            "I raised it so they knew, but I brought a fix with me, followed up every day and checked the result myself.",
            "Escalate for visibility, then own the fix."),
        Premise.NO_SCOPE, probe("Was this your job, or did you take it on? Who asked you to do it?", "Whether the ownership was self-initiated.",
            "My manager assigned it to me as part of my sprint work.",
            "It was not my team's area and nobody had asked me; I took it on because it was hurting customers and no one owned it.",
            "Say where your remit ended and why you crossed it."),
        Premise.NO_NUMBER, probe("How did you know it worked? What changed, in numbers?", "A measurable result.",
            "Things got a lot better and everyone was happy with it.",
            "The error rate went from three percent to under half a percent within a week, and tickets about it dropped from twenty a week to two.",
            "Give the before and after, in numbers."),
        Premise.NUMBER_SAID, probe("How did you measure that, and over what period?", "Whether the result is measured, not guessed.",
            "I think it was roughly that, it felt a lot faster.",
            "I compared the dashboard for the two weeks before and after the change, on the same traffic, and checked the numbers with the owning team.",
            "Say where the number came from."),
        Premise.REFLECTION_VAGUE, probe("What, concretely, do you do differently now because of this?", "A reflection specific to the story.",
            "I learned that communication is important.",
            "I now write down an owner for every shared tool before it goes live, and I review that list each quarter with the other leads.",
            "Name one habit this story changed."),
        Premise.STAKEHOLDER_NAMED, probe("How did you bring them along, and what did they push back on?", "Influence and collaboration.",
            "I just told them what to do and they did it.",
            "I met them early, showed them the data, answered their concern about risk with a staged rollout and kept them updated until it shipped.",
            "Show how you earned their agreement."));
    /** The order they follow a card's probes in: fixed, so an index names the same probe for as long as the card does. */
    static final List<Premise> ORDER = List.of(Premise.WE_SAID, Premise.HAND_OFF_SAID, Premise.NO_SCOPE, Premise.NO_NUMBER,
        Premise.NUMBER_SAID, Premise.REFLECTION_VAGUE, Premise.STAKEHOLDER_NAMED);

    private FindingProbes() {
    }

    private static Card.Probe probe(String question, String probes, String weak, String strong, String keyLine) {
        return new Card.Probe(question, probes, new Card.ProbeAnswer(weak, null, null), new Card.ProbeAnswer(strong, null, keyLine));
    }

    /** The card's probes, then these: what a probe index names. */
    public static List<Card.Probe> all(Card card) {
        List<Card.Probe> out = new ArrayList<>(card.probes() == null ? List.of() : card.probes());
        ORDER.forEach(p -> out.add(BY_PREMISE.get(p)));
        return out;
    }

    static int index(Card card, Premise premise) {
        return (card.probes() == null ? 0 : card.probes().size()) + ORDER.indexOf(premise);
    }
}
