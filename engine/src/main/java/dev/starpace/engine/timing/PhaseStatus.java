package dev.starpace.engine.timing;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a phase's time compares with its target, within {@link Timing#TOLERANCE}. */
public enum PhaseStatus {
    MISSING("missing"), SHORT("short"), ON_TARGET("on-target"), LONG("long");

    private final String id;

    PhaseStatus(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    static PhaseStatus of(double seconds, double target) {
        return of(seconds, target, seconds > 0);
    }

    /**
     * A phase that was heard is never missing, even if its words took no measurable time. Its time is judged
     * in whole seconds, as every report shows it, so "15 s of 20" is on target whether it was 14.9 or 15.1.
     */
    static PhaseStatus of(double seconds, double target, boolean heard) {
        if (!heard) {
            return MISSING;
        }
        double shown = Math.round(seconds);
        if (shown < target * (1 - Timing.TOLERANCE)) {
            return SHORT;
        }
        return shown > target * (1 + Timing.TOLERANCE) ? LONG : ON_TARGET;
    }
}
