package dev.starpace.engine.segment;

import dev.starpace.engine.Phase;
import dev.starpace.engine.timing.PhaseStatus;
import dev.starpace.engine.timing.PhaseTiming;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which phases a live answer is told run long: those whose timer, as shown, is long. The "runs long" nudge reads the
 * same timers the bars are drawn from, in the same tick, so a bar turning long and its nudge agree by construction
 * (issue 23: the nudge once waited for its own, stricter test and came 16 s after the bar). The timers count committed
 * words only ({@link LiveView}), so a phase shown long stays long until the answer ends.
 */
public final class LongPhases {
    private LongPhases() {
    }

    /** The phases, of those not in {@code sent}, that the timers {@code shown} call long. */
    public static Set<Phase> newlyLong(List<PhaseTiming> shown, Set<Phase> sent) {
        Set<Phase> out = EnumSet.noneOf(Phase.class);
        for (PhaseTiming t : shown) {
            if (t.status() == PhaseStatus.LONG && !sent.contains(t.phase())) {
                out.add(t.phase());
            }
        }
        return out;
    }
}
