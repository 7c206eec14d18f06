package dev.starpace.engine.segment.train;

import dev.starpace.engine.Phase;
import dev.starpace.engine.timing.PhaseStatus;
import dev.starpace.engine.timing.PhaseTiming;
import dev.starpace.engine.timing.Timing;
import dev.starpace.engine.transcript.Word;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a person watching the live view sees, sampled every {@link #SAMPLE} s of audio (issue 20, item 5), and held
 * against the truth (the labelled phase of what was being said) and the final report: how much of the time the phase
 * shown for the newest words is right, how long after a phase starts it is shown and stays, how far any phase timer
 * falls back, how far it runs above the report's figure, and how far the timers at the end are from the report's.
 */
public final class ScreenWatch {
    /** The screen is looked at this often (seconds of audio). */
    public static final double SAMPLE = 0.5;

    private final Map<Phase, Double> targets;
    private final List<Double> times = new ArrayList<>();
    /** The newest shown word's middle and its phase as shown, per sample. */
    private final List<Double> newestAt = new ArrayList<>();
    private final List<Phase> newest = new ArrayList<>();
    private final List<Map<Phase, Double>> timers = new ArrayList<>();
    /** Per sample, the seconds said (first shown word's start to the newest's end) that no timer counts yet. */
    private final List<Double> trails = new ArrayList<>();

    public ScreenWatch(Map<Phase, Double> targets) {
        this.targets = targets;
    }

    /**
     * The screen at {@code t} seconds of audio: every word shown (finalised, then guessed) with its phase as shown,
     * the timers counted from them as the live session counts them.
     */
    public void observe(double t, List<Word> shown, List<Phase> phases) {
        if (!shown.isEmpty()) {
            observe(t, shown, phases, Timing.phases(shown, phases, targets, t));
        }
    }

    /** The screen at {@code t} seconds of audio, with the timers it was last sent. */
    public void observe(double t, List<Word> shown, List<Phase> phases, List<PhaseTiming> shownTimers) {
        if (shown.isEmpty()) {
            return;
        }
        Word last = shown.get(shown.size() - 1);
        times.add(t);
        newestAt.add((last.start() + last.end()) / 2);
        newest.add(phases.get(phases.size() - 1));
        Map<Phase, Double> seconds = new EnumMap<>(Phase.class);
        double counted = 0;
        for (PhaseTiming timing : shownTimers) {
            seconds.put(timing.phase(), timing.seconds());
            counted += timing.seconds();
        }
        timers.add(seconds);
        trails.add(Math.max(0, last.end() - shown.get(0).start() - counted));
    }

    /**
     * What one answer's screen measured.
     *
     * @param samples      samples with a word on screen
     * @param right        of them, samples whose newest word showed its true phase
     * @param delays       per phase (its first stretch in the truth): seconds from its start to the sample from which
     *                     the newest words show it until the stretch ends; the whole stretch when it never stays
     * @param fallBacks    per phase shown: the most its timer ever fell below its own earlier value
     * @param aheads       per phase shown: the most its timer ever stood above the report's figure for it
     * @param endGaps      per phase in the report or on screen: the screen's last timer against the report's
     * @param trails       per sample: seconds said that the timers do not count yet (they trail the speech)
     */
    public record Result(int samples, int right, List<Double> delays, List<Double> fallBacks, List<Double> aheads,
                         List<Double> endGaps, List<Double> trails) {
        public static Result pooled(List<Result> all) {
            int n = 0, r = 0;
            List<Double> d = new ArrayList<>(), f = new ArrayList<>(), a = new ArrayList<>(), e = new ArrayList<>();
            List<Double> t = new ArrayList<>();
            for (Result x : all) {
                n += x.samples;
                r += x.right;
                d.addAll(x.delays);
                f.addAll(x.fallBacks);
                a.addAll(x.aheads);
                e.addAll(x.endGaps);
                t.addAll(x.trails);
            }
            return new Result(n, r, d, f, a, e, t);
        }

        public double rightShare() {
            return samples == 0 ? 0 : (double) right / samples;
        }

        public double medianDelay() {
            return LiveWatch.quantile(delays, 0.5);
        }

        /** Seconds said that the timers do not count yet, median over the samples. */
        public double medianTrail() {
            return LiveWatch.quantile(trails, 0.5);
        }

        public double worstFallBack() {
            return max(fallBacks);
        }

        public double worstAhead() {
            return max(aheads);
        }

        public double worstEndGap() {
            return max(endGaps);
        }

        /** How many of the values are more than {@code limit}. */
        public static long over(List<Double> values, double limit) {
            return values.stream().filter(v -> v > limit + 1e-9).count();
        }

        private static double max(List<Double> values) {
            return values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        }

        @Override
        public String toString() {
            return String.format("newest words in the right phase %.1f %% of %d samples; shown and staying %.1f s after"
                    + " a phase starts (median, p90 %.1f s, %d of %d over 3 s); timers fall back at most %.1f s (%d of %d"
                    + " over 2 s); above the report at most %.1f s (median %.1f s, %d of %d over 2 s); at the end %.1f s"
                    + " from the report at most (median %.1f s, %d of %d over 2 s); timers trail the speech by %.1f s"
                    + " (median, p90 %.1f s)",
                100 * rightShare(), samples, medianDelay(), LiveWatch.quantile(delays, 0.9), over(delays, 3),
                delays.size(), worstFallBack(), over(fallBacks, 2), fallBacks.size(), worstAhead(),
                LiveWatch.quantile(aheads, 0.5), over(aheads, 2), aheads.size(), worstEndGap(),
                LiveWatch.quantile(endGaps, 0.5), over(endGaps, 2), endGaps.size(), medianTrail(),
                LiveWatch.quantile(trails, 0.9));
        }
    }

    /**
     * The measures against the truth ({@code truthWords} with their labelled phases, by time) and the report (its words
     * and phases, the finished answer labelled whole).
     */
    public Result against(List<Word> truthWords, List<Phase> truth, List<Word> reportWords, List<Phase> report) {
        int right = 0;
        for (int i = 0; i < times.size(); i++) {
            right += newest.get(i) == at(truthWords, truth, newestAt.get(i)) ? 1 : 0;
        }
        List<Double> delays = new ArrayList<>();
        for (Phase p : Phase.values()) {
            double[] stretch = firstStretch(truthWords, truth, p);
            if (stretch != null) {
                delays.add(stayedFrom(p, stretch[0], stretch[1]) - stretch[0]);
            }
        }
        Map<Phase, Double> reported = new EnumMap<>(Phase.class);
        for (PhaseTiming t : Timing.phases(reportWords, report, targets)) {
            if (t.status() != PhaseStatus.MISSING) {
                reported.put(t.phase(), t.seconds());
            }
        }
        List<Double> fallBacks = new ArrayList<>();
        List<Double> aheads = new ArrayList<>();
        List<Double> endGaps = new ArrayList<>();
        for (Phase p : Phase.values()) {
            double peak = 0, fall = 0, ahead = 0;
            boolean shown = false;
            for (Map<Phase, Double> t : timers) {
                double s = t.getOrDefault(p, 0.0);
                shown |= s > 0;
                peak = Math.max(peak, s);
                fall = Math.max(fall, peak - s);
                ahead = Math.max(ahead, s - reported.getOrDefault(p, 0.0));
            }
            if (shown) {
                fallBacks.add(fall);
                aheads.add(ahead);
            }
            double last = timers.isEmpty() ? 0 : timers.get(timers.size() - 1).getOrDefault(p, 0.0);
            if (shown || reported.containsKey(p)) {
                endGaps.add(Math.abs(last - reported.getOrDefault(p, 0.0)));
            }
        }
        return new Result(times.size(), right, delays, fallBacks, aheads, endGaps, trails);
    }

    /**
     * The first sample from which every sample whose newest word was said in [start, end) shows {@code p}: the
     * recognizer's lag is part of the delay, as the person watching feels it. When the last of them is wrong, the
     * phase never stayed, and the delay runs to the first sample past the stretch.
     */
    private double stayedFrom(Phase p, double start, double end) {
        double from = Double.NaN;
        double after = times.isEmpty() ? end : times.get(times.size() - 1);
        for (int i = 0; i < times.size(); i++) {
            double said = newestAt.get(i);
            if (said >= end) {
                after = times.get(i);
                break;
            }
            if (said < start) {
                continue;
            }
            if (newest.get(i) != p) {
                from = Double.NaN;
            } else if (Double.isNaN(from)) {
                from = times.get(i);
            }
        }
        return Double.isNaN(from) ? Math.max(after, end) : from;
    }

    /** The phase being said at {@code time}: that of the last word started by then. */
    static Phase at(List<Word> words, List<Phase> phases, double time) {
        Phase out = phases.get(0);
        for (int i = 0; i < words.size() && words.get(i).start() <= time; i++) {
            out = phases.get(i);
        }
        return out;
    }

    /** Start and end (the next phase's start, or the last word's end) of the first stretch of {@code p}, or null. */
    private static double[] firstStretch(List<Word> words, List<Phase> phases, Phase p) {
        int i = phases.indexOf(p);
        if (i < 0) {
            return null;
        }
        int j = i;
        while (j < phases.size() && phases.get(j) == p) {
            j++;
        }
        return new double[] {words.get(i).start(), j < words.size() ? words.get(j).start() : words.get(words.size() - 1).end()};
    }
}
