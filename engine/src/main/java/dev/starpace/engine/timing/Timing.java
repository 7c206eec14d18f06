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
