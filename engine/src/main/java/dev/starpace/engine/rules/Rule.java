package dev.starpace.engine.rules;

/** One check on an answer. */
public interface Rule {
    String id();

    RuleResult check(Answer answer);
}
