package dev.starpace.server.speech;

import dev.starpace.engine.Phase;

/** A live coaching hint: a stable kind, the phase it is about (null for the whole answer), the text, and when. */
public record Nudge(String kind, Phase phase, String text, double atSeconds) {
    public static final String PHASE_LONG = "phase-long";
    public static final String WE_IN_ACTION = "we-in-action";
    public static final String OVER_BUDGET = "over-budget";
}
