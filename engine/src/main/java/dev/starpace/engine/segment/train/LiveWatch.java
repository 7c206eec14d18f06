package dev.starpace.engine.segment.train;

import dev.starpace.engine.Phase;
import dev.starpace.engine.timing.PhaseStatus;
import dev.starpace.engine.timing.PhaseTiming;
import dev.starpace.engine.timing.Timing;
import dev.starpace.engine.transcript.Word;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Watches a live view as a candidate would and, once the final report is known, says how steady it was: how long
 * after a phase starts it first shows, how far a phase timer climbed above its final value, whether "runs long"
 * nudges agree with the report, and how many finalised words first showed a phase the report does not give them.
 */
public final class LiveWatch {
    private final Map<Phase, Double> targets;
    private final List<Double> times = new ArrayList<>();
    private final List<Phase> current = new ArrayList<>();
    private final List<Map<Phase, Double>> timers = new ArrayList<>();
    private final List<Phase> firstLabels = new ArrayList<>();
    private final Set<Phase> nudged = EnumSet.noneOf(Phase.class);

    public LiveWatch(Map<Phase, Double> targets) {
        this.targets = targets;
    }

    /**
     * What the view shows at {@code t} seconds of audio: the finalised words and then any guessed ones, each with
     * its phase; {@code finals} is how many of them are finalised.
     */
    public void observe(double t, List<Word> shown, List<Phase> phases, int finals) {
        for (int i = firstLabels.size(); i < finals; i++) {
            firstLabels.add(phases.get(i));
        }
        if (shown.isEmpty()) {
            return;
        }
        times.add(t);
        current.add(phases.get(phases.size() - 1));
        Map<Phase, Double> seconds = new EnumMap<>(Phase.class);
        for (PhaseTiming timing : Timing.phases(shown, phases, targets, t)) {
            seconds.put(timing.phase(), timing.seconds());
        }
        timers.add(seconds);
    }

    /** A "phase runs long" nudge was shown. */
    public void nudged(Phase phase) {
        nudged.add(phase);
    }

    /** What one live answer measured. */
    public record Result(List<Double> delays, List<Double> overshoots, int nudges, int nudgesAgreeing, int longInReport,
                         int labelsShown, int labelsChanged) {
        public static Result pooled(List<Result> all) {
            List<Double> d = new ArrayList<>();
            List<Double> o = new ArrayList<>();
            int n = 0, a = 0, longs = 0, shown = 0, changed = 0;
            for (Result r : all) {
                d.addAll(r.delays);
                o.addAll(r.overshoots);
                n += r.nudges;
                a += r.nudgesAgreeing;
                longs += r.longInReport;
                shown += r.labelsShown;
                changed += r.labelsChanged;
            }
            return new Result(d, o, n, a, longs, shown, changed);
        }

        public double medianDelay() {
            return quantile(delays, 0.5);
        }

        public double medianOvershoot() {
            return quantile(overshoots, 0.5);
        }

        public double nudgeAgreement() {
            return nudges == 0 ? 1 : (double) nudgesAgreeing / nudges;
        }

        public double labelsChangedShare() {
            return labelsShown == 0 ? 0 : (double) labelsChanged / labelsShown;
        }

        @Override
        public String toString() {
            return String.format("first display %.1f s after a phase starts (median), timers above final %.1f s "
                    + "(median) / %.1f s (p90), runs-long nudges agreeing with the report %d/%d (the report finds %d "
                    + "phases long), shown labels later changed %.1f %%",
                medianDelay(), medianOvershoot(), quantile(overshoots, 0.9), nudgesAgreeing, nudges, longInReport,
                100 * labelsChangedShare());
        }
    }

    /** The measures against the final report: its words and their phases. */
    public Result against(List<Word> words, List<Phase> report) {
        double end = words.get(words.size() - 1).end();
        Map<Phase, Double> finalSeconds = new EnumMap<>(Phase.class);
        Set<Phase> finalLong = EnumSet.noneOf(Phase.class);
        for (PhaseTiming t : Timing.phases(words, report, targets)) {
            if (t.status() != PhaseStatus.MISSING) {
                finalSeconds.put(t.phase(), t.seconds());
            }
            if (t.status() == PhaseStatus.LONG) {
                finalLong.add(t.phase());
            }
        }
        Map<Phase, Double> firstStart = new EnumMap<>(Phase.class);
        for (int i = words.size() - 1; i >= 0; i--) {
            firstStart.put(report.get(i), words.get(i).start());
        }
        List<Double> delays = new ArrayList<>();
        firstStart.forEach((phase, start) -> {
            double shown = end;
            for (int i = 0; i < times.size(); i++) {
                if (times.get(i) >= start && current.get(i) == phase) {
                    shown = times.get(i);
                    break;
                }
            }
            delays.add(shown - start);
        });
        List<Double> overshoots = new ArrayList<>();
        for (Phase p : Phase.values()) {
            double worst = 0;
            boolean seen = finalSeconds.containsKey(p);
            for (Map<Phase, Double> t : timers) {
                if (t.getOrDefault(p, 0.0) > 0) {
                    seen = true;
                    worst = Math.max(worst, t.get(p) - finalSeconds.getOrDefault(p, 0.0));
                }
            }
            if (seen) {
                overshoots.add(worst);
            }
        }
        int changed = 0;
        int shown = Math.min(firstLabels.size(), report.size());
        for (int i = 0; i < shown; i++) {
            changed += firstLabels.get(i) != report.get(i) ? 1 : 0;
        }
        int agreeing = (int) nudged.stream().filter(finalLong::contains).count();
        return new Result(delays, overshoots, nudged.size(), agreeing, finalLong.size(), shown, changed);
    }

    static double quantile(List<Double> values, double q) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(q * sorted.size())));
    }
}
