package dev.starpace.engine.timing;

import dev.starpace.engine.Level;
import dev.starpace.engine.Phase;
import dev.starpace.engine.bank.Card;
import dev.starpace.engine.transcript.Word;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Phase times against targets. A segment runs from its first word's start to the next segment's first word
 * (its trailing pause belongs to it), so the phases add up to the whole answer. Targets come from the card,
 * scaled down when the level's budget is shorter than their sum (SDE1 keeps to 2 minutes).
 */
public final class Timing {
    /** A phase within this fraction of its target is on target. */
    public static final double TOLERANCE = 0.25;
    /**
     * Live, a phase is nudged as long only this many seconds past its tolerance: a live label can still move by
     * a unit of speech or two, and a nudge that the report then contradicts is worse than none (cross-validated:
     * 0 s → 92 % of nudges agree with the report, 6 s → 94 %, 8 s → 98 %; docs/segmentation.md).
     */
    public static final double NUDGE_MARGIN = 8;

    /** Budgets for cards that do not give one: SDE1 keeps to 2 minutes, Senior 2.5–3. */
    static final Map<Level, double[]> DEFAULT_BUDGET = Map.of(
        Level.SDE1, new double[] {90, 120},
        Level.SDE2, new double[] {120, 180},
        Level.SENIOR, new double[] {150, 180});

    private Timing() {
    }

    public static double[] budget(Card card, Level level) {
        if (card.levels() != null && card.levels().containsKey(level)) {
            Card.LevelVariant v = card.levels().get(level);
            return new double[] {v.minSeconds(), v.maxSeconds()};
        }
        return DEFAULT_BUDGET.get(level);
    }

    /** The phase targets for this card at this level, in seconds. */
    public static Map<Phase, Double> targets(Card card, Level level) {
        double sum = 0;
        for (Phase p : Phase.values()) {
            sum += card.phase(p).targetSeconds();
        }
        double scale = Math.min(1.0, budget(card, level)[1] / sum);
        Map<Phase, Double> out = new EnumMap<>(Phase.class);
        for (Phase p : Phase.values()) {
            out.put(p, round(card.phase(p).targetSeconds() * scale));
        }
        return out;
    }

    public static List<PhaseTiming> phases(List<Word> words, List<Phase> phases, Map<Phase, Double> targets) {
        return phases(words, phases, targets, 0);
    }

    /**
     * Phase times of an answer still being spoken: the last phase runs on to {@code until} seconds (the audio
     * heard so far), so its timer keeps moving between recognised phrases.
     */
    public static List<PhaseTiming> phases(List<Word> words, List<Phase> phases, Map<Phase, Double> targets, double until) {
        Map<Phase, List<Segment>> segments = new EnumMap<>(Phase.class);
        int i = 0;
        while (i < words.size()) {
            int j = i;
            while (j + 1 < words.size() && phases.get(j + 1) == phases.get(i)) {
                j++;
            }
            double end = j + 1 < words.size() ? words.get(j + 1).start() : Math.max(words.get(j).end(), until);
            segments.computeIfAbsent(phases.get(i), p -> new ArrayList<>())
                .add(new Segment(words.get(i).start(), end, i, j));
            i = j + 1;
        }
        List<PhaseTiming> out = new ArrayList<>();
        for (Phase p : Phase.values()) {
            List<Segment> s = segments.getOrDefault(p, List.of());
            double seconds = round(s.stream().mapToDouble(Segment::seconds).sum());
            double target = targets.get(p);
            out.add(new PhaseTiming(p, seconds, target, PhaseStatus.of(seconds, target, !s.isEmpty()), s));
        }
        return out;
    }

    /**
     * Timers from seconds already counted per phase (by {@link Phase#ordinal}), for a live view that counts as it
     * goes: the same figures as {@link #phases}, at a cost that does not grow with the answer.
     */
    public static List<PhaseTiming> counted(double[] seconds, boolean[] heard, Map<Phase, Double> targets) {
        List<PhaseTiming> out = new ArrayList<>(seconds.length);
        for (Phase p : Phase.values()) {
            double s = round(seconds[p.ordinal()]);
            double target = targets.get(p);
            out.add(new PhaseTiming(p, s, target, PhaseStatus.of(s, target, heard[p.ordinal()]), List.of()));
        }
        return out;
    }

    /** A phase so far over its target that it stays long whatever the last few seconds turn out to be. */
    public static boolean clearlyLong(PhaseTiming t) {
        return clearlyLong(t.seconds(), t.targetSeconds());
    }

    private static boolean clearlyLong(double seconds, double target) {
        return seconds > target * (1 + TOLERANCE) + NUDGE_MARGIN;
    }

    /**
     * The phases a live answer may be told run long: clearly long under the phases shown, under the phases the
     * report would give if the answer ended now, and in expectation over every labelling the chain finds plausible
     * ({@code likelihoods}: each word's phase likelihoods as if the answer ended now), so a nudge is not contradicted
     * when a label moves, nor rests on a labelling the chain is unsure of. The last two are asked for only when some
     * phase is clearly long as shown: labelling the whole answer again costs more.
     */
    public static java.util.Set<Phase> runningLong(List<Word> words, List<Phase> shown,
                                                    java.util.function.Supplier<List<Phase>> endedNow,
                                                    java.util.function.Supplier<double[][]> likelihoods,
                                                    Map<Phase, Double> targets) {
        if (words.isEmpty()) {
            return java.util.EnumSet.noneOf(Phase.class);
        }
        return runningLongFromTimers(phases(words, shown, targets), words, endedNow, likelihoods, targets);
    }

    /**
     * The same from the timers shown ({@code shownTimers}, as a live view counts them); {@code words} are the words
     * finalised. The answer is labelled again only when some timer shown is clearly long.
     */
    public static java.util.Set<Phase> runningLongFromTimers(List<PhaseTiming> shownTimers, List<Word> words,
                                                    java.util.function.Supplier<List<Phase>> endedNow,
                                                    java.util.function.Supplier<double[][]> likelihoods,
                                                    Map<Phase, Double> targets) {
        java.util.Set<Phase> out = java.util.EnumSet.noneOf(Phase.class);
        if (words.isEmpty()) {
            return out;
        }
        for (PhaseTiming t : shownTimers) {
            if (clearlyLong(t)) {
                out.add(t.phase());
            }
        }
        if (out.isEmpty()) {
            return out;
        }
        for (PhaseTiming t : phases(words, endedNow.get(), targets)) {
            if (!clearlyLong(t)) {
                out.remove(t.phase());
            }
        }
        if (!out.isEmpty()) {
            Map<Phase, Double> expected = expectedSeconds(words, likelihoods.get());
            out.removeIf(p -> !clearlyLong(expected.get(p), targets.get(p)));
        }
        return out;
    }

    /** The time word {@code i} holds, as the timers count it: up to the next word's start, the last word to its end. */
    public static double wordSeconds(List<Word> words, int i) {
        double end = i + 1 < words.size() ? words.get(i + 1).start() : words.get(i).end();
        return end - words.get(i).start();
    }

    /** Each phase's seconds expected under per-word phase likelihoods, each word holding its {@link #wordSeconds}. */
    public static Map<Phase, Double> expectedSeconds(List<Word> words, double[][] likelihoods) {
        double[] seconds = new double[Phase.values().length];
        for (int i = 0; i < words.size(); i++) {
            for (int p = 0; p < seconds.length; p++) {
                seconds[p] += likelihoods[i][p] * wordSeconds(words, i);
            }
        }
        Map<Phase, Double> out = new EnumMap<>(Phase.class);
        for (Phase p : Phase.values()) {
            out.put(p, seconds[p.ordinal()]);
        }
        return out;
    }

    public static Budget budget(double seconds, Card card, Level level) {
        double[] b = budget(card, level);
        // whole seconds, as the answer's length is shown
        double shown = Math.round(seconds);
        Budget.Status status = shown < b[0] ? Budget.Status.SHORT
            : shown > b[1] ? Budget.Status.LONG : Budget.Status.ON_TARGET;
        return new Budget(round(seconds), b[0], b[1], status);
    }

    static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
