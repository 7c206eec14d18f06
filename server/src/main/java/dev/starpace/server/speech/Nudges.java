package dev.starpace.server.speech;

import dev.starpace.engine.Phase;
import dev.starpace.engine.timing.PhaseTiming;
import dev.starpace.engine.segment.LongPhases;
import dev.starpace.engine.transcript.Word;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Decides which nudges a live answer has earned; each fires once. */
final class Nudges {
    /** "we"/"they" this many times in the Action earns a nudge. */
    static final int WE_LIMIT = 3;
    private static final Set<String> NOT_I = Set.of("we", "we'd", "we've", "we're", "they", "they'd", "they've", "they're");
    private static final String[] COUNT = {"zero", "once", "twice", "three times", "four times", "five times"};

    private final Set<Phase> longSent = EnumSet.noneOf(Phase.class);
    private boolean weSent;
    /** "we"/"they" in committed Action words, counted as they commit. */
    private int weInAction;
    private boolean budgetSent;
    private final double budgetMax;

    Nudges(double budgetMax) {
        this.budgetMax = budgetMax;
    }

    /**
     * {@code timings}: the phase timers just shown. A phase is nudged as long in the tick its bar turns long, with the
     * bar's own figures (LongPhases): the two cannot disagree.
     */
    void check(List<PhaseTiming> timings, double elapsed, SessionListener listener) {
        Set<Phase> turnedLong = LongPhases.newlyLong(timings, longSent);
        for (PhaseTiming t : timings) {
            if (turnedLong.contains(t.phase()) && longSent.add(t.phase())) {
                listener.nudge(new Nudge(Nudge.PHASE_LONG, t.phase(), String.format(Locale.ROOT, "%s: %d s of %d",
                    t.phase().title(), Math.round(t.seconds()), Math.round(t.targetSeconds())), elapsed));
            }
        }
        if (!weSent) {
            int we = weInAction;
            if (we >= WE_LIMIT) {
                weSent = true;
                listener.nudge(new Nudge(Nudge.WE_IN_ACTION, Phase.ACTION, "Action: 'we' " + COUNT[(int) Math.min(we, 5)]
                    + " — say I", elapsed));
            }
        }
        if (!budgetSent && elapsed > budgetMax) {
            budgetSent = true;
            listener.nudge(new Nudge(Nudge.OVER_BUDGET, null, String.format(Locale.ROOT, "Over time: %s of %s",
                clock(elapsed), clock(budgetMax)), elapsed));
        }
    }

    /** A word whose phase the live view has committed: its phase will not change on screen. */
    void committed(Word word, Phase phase) {
        if (phase == Phase.ACTION && NOT_I.contains(word.word().toLowerCase(Locale.ROOT))) {
            weInAction++;
        }
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
