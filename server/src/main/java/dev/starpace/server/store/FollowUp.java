package dev.starpace.server.store;

import dev.starpace.engine.probe.ProbeVerdict;

/** A mock interview's answer to one follow-up probe: what was said and how it was judged. */
public record FollowUp(int probe, String answer, ProbeVerdict verdict) {
}
