package dev.starpace.engine.rules;

/** One check on an answer. */
public interface Rule {
    String id();

    RuleResult check(Answer answer);

    /**
     * How far the rule's learned judge is from its line on this answer: its probability's distance from 0.5, up to 0.5
     * when no judge decides (a phrase rule, or a verdict the rule makes alone). Read by {@link CloseCall}.
     */
    default double margin(Answer answer) {
        return 0.5;
    }
}
