package dev.starpace.engine.score;

/**
 * One thing that keeps an answer from a Strong Hire, other than its score: the sentence the verdict gives for it, what
 * a Strong Hire needs instead, and whether it is serious enough to rule out leaning Hire (a hand-off, no or a thin
 * Action, no Result).
 */
public record Gap(Kind kind, String reason, String need, boolean serious) {
    public enum Kind { CONTENT, STRUCTURE, DELIVERY }
}
