package dev.starpace.engine.segment;

import dev.starpace.engine.Phase;
import dev.starpace.engine.timing.PhaseTiming;
import dev.starpace.engine.timing.Timing;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which phases a live answer may be told run long ({@link Timing#runningLongFromTimers}: clearly long on the
 * committed timers, as the report would label the answer if it ended now, and in expectation), at a cost per phrase
 * that does not grow with the answer. The committed timers are counted as words commit; only when a phase not yet
 * nudged is clearly long on them is the answer labelled whole again, and when that labelling does not confirm it, not
 * again until the answer has grown by {@link #REGROWTH} of its words: the whole-answer passes, each as long as the
 * answer, then cost a bounded amount per word heard. Not thread-safe: one per answer.
 */
public final class LongPhases {
    /** After an unconfirmed check, the answer is labelled whole again once it has grown by this share of its words. */
    public static final double REGROWTH = 0.05;

    private final LiveView view;
    private final Map<Phase, Double> targets;
    private int recheckAt;

    public LongPhases(LiveView view, Map<Phase, Double> targets) {
        this.view = view;
        this.targets = targets;
    }

    /** The phases, of those not in {@code sent}, that may be called long now; asked once a phrase. */
    public Set<Phase> check(Set<Phase> sent) {
        List<PhaseTiming> candidates = view.timers().stream()
            .filter(t -> !sent.contains(t.phase()) && Timing.clearlyLong(t)).toList();
        if (candidates.isEmpty() || view.size() < recheckAt) {
            return EnumSet.noneOf(Phase.class);
        }
        Set<Phase> out = Timing.runningLongFromTimers(candidates, view.words(), view.labeller()::asIfEndedNow,
            view.labeller()::likelihoodsIfEndedNow, targets);
        if (out.size() < candidates.size()) {
            recheckAt = view.size() + Math.max(1, (int) Math.ceil(REGROWTH * view.size()));
        }
        return out;
    }
}
