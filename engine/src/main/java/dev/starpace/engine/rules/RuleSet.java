package dev.starpace.engine.rules;

import dev.starpace.engine.bank.Card;
import java.util.ArrayList;
import java.util.List;

/** The content rules StarPace knows, and the ones a card applies, with the card's phrases. */
public final class RuleSet {
    public static final List<String> CONTENT_RULE_IDS = List.of(ActionFirstPerson.ID, ResultQuantified.ID,
        TaskScopeBoundary.ID, ReflectionSpecific.ID, NoDisqualifiers.ID);

    private RuleSet() {
    }

    /** The card's content rules, in the card's order. */
    public static List<Rule> forCard(Card card) {
        List<Rule> rules = new ArrayList<>();
        for (String id : card.rules().apply()) {
            rules.add(switch (id) {
                case ActionFirstPerson.ID -> new ActionFirstPerson();
                case ResultQuantified.ID -> new ResultQuantified();
                case TaskScopeBoundary.ID -> new TaskScopeBoundary(card);
                case ReflectionSpecific.ID -> new ReflectionSpecific(card);
                case NoDisqualifiers.ID -> new NoDisqualifiers(card);
                default -> throw new IllegalArgumentException("unknown rule " + id);
            });
        }
        return rules;
    }
}
