package dev.starpace.engine.timing;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.starpace.engine.Phase;
import java.util.List;

/** A phase's total time over all its segments, its target at the answer's level, and how they compare. */
@JsonPropertyOrder({"phase", "seconds", "targetSeconds", "status", "segments"})
public record PhaseTiming(Phase phase, double seconds, double targetSeconds, PhaseStatus status, List<Segment> segments) {
}
