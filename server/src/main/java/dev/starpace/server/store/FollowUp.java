package dev.starpace.server.store;

import dev.starpace.engine.probe.ProbeVerdict;

/**
 * A mock interview's answer to one follow-up probe: what was said, how it was judged, and whether its recording is kept
 * ({@code recorded}: replayed from the report like the main answer).
 */
public record FollowUp(int probe, String answer, ProbeVerdict verdict, boolean recorded) {
    public FollowUp(int probe, String answer, ProbeVerdict verdict) {
        this(probe, answer, verdict, false);
    }
}
