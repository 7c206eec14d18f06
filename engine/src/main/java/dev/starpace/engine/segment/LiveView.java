package dev.starpace.engine.segment;

import dev.starpace.engine.Phase;
import dev.starpace.engine.timing.PhaseTiming;
import dev.starpace.engine.timing.Timing;
import dev.starpace.engine.transcript.Word;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * What the live view shows, apart from how the words are labelled (issue 20, item 5): a display policy over a
 * {@link LiveSegmenter}.
 *
 * <p>A word's phase is <em>committed</em> once {@link #LAG} seconds of speech the labeller has closed into units
 * follow it and the labeller, given them, is at least {@link #SURE} sure of it (fixed-lag smoothing), or once the
 * labeller's window has moved past it; it never changes on screen while answering after. Newer words are tentative:
 * they show the labeller's current phase for them, which may still move. Timers count committed words only, so by
 * construction they never fall back, and only those the labeller was at least {@link #SURE} sure of: a word its window
 * moved past while it was unsure is <em>held</em> — shown, on no timer — because such words are where the live labels
 * and the report part most (on the spoken corpus, phases more than 2 s above the report's figure 79 → 26 of 687).
 * Timers trail the speech by the lag and the held words. When the answer ends, the words not yet committed and the
 * held ones are settled with the finished-answer labelling (the report's), and the committed ones keep their live
 * phases: the last timers differ from the report's exactly where the sure live commitments did.
 *
 * <p>Work per phrase: the labeller's, plus the words it relabelled (at most its window) and the words committed;
 * timers cost the same whatever the answer's length. Not thread-safe: one per answer.
 */
public final class LiveView {
    /**
     * Seconds of closed speech that settle a word's phase: chosen on the spoken fixtures and the cross-validated
     * replays (docs/segmentation.md, section 4).
     */
    public static final double LAG = 3.0;
    /**
     * How sure the labeller must be of a word's phase, given the units closed since, to commit it after the lag; a
     * word it is less sure of waits until it is, or until the labeller settles it (its window moves on).
     */
    public static final double SURE = 0.9;

    private static final Phase[] PHASES = Phase.values();

    private final LiveSegmenter labeller;
    private final Map<Phase, Double> targets;
    private final double lag;
    private final double sure;
    /** A word the labeller settles while less sure of it than this is held off the timers until the end. */
    private final double holdBelow;
    private final List<Word> words = new ArrayList<>();
    private final List<Word> wordsView = Collections.unmodifiableList(words);
    private byte[] shown = new byte[256];
    /** Per word, how sure the labeller was of its phase when last revisable (1 until seen). */
    private float[] lastSure = filled(new float[256]);
    /** Words settled unsure: shown, not counted, and labelled as the report labels them at the end. */
    private final BitSet held = new BitSet();
    private int committed;
    /** Committed words whose time is counted (the next word's start is known). */
    private int counted;
    private final double[] seconds = new double[PHASES.length];
    private final boolean[] heard = new boolean[PHASES.length];
    private List<Phase> settled;

    public LiveView(LiveSegmenter labeller, Map<Phase, Double> targets) {
        this(labeller, targets, LAG, SURE, SURE);
    }

    /**
     * With other settings, to measure them ({@code engine/watch-live}).
     *
     * @param holdBelow a word the labeller settles (its window moves past it) while less sure of it than this is held
     *                  off the timers until the end; 0 times every settled word
     */
    public LiveView(LiveSegmenter labeller, Map<Phase, Double> targets, double lag, double sure, double holdBelow) {
        this.labeller = labeller;
        this.targets = targets;
        this.lag = lag;
        this.sure = sure;
        this.holdBelow = holdBelow;
    }

    /**
     * Words the recognizer finalised, ending an utterance; returns the index of the first word whose shown phase is
     * new or changed (never a committed one).
     */
    public int hear(List<Word> utterance) {
        if (settled != null) {
            throw new IllegalStateException("the answer has ended");
        }
        int before = words.size();
        int first = before;
        for (Word w : utterance) {
            first = Math.min(first, labeller.accept(w));
            words.add(w);
        }
        first = Math.min(first, labeller.endUtterance());
        if (words.size() > shown.length) {
            shown = Arrays.copyOf(shown, Math.max(words.size(), shown.length * 2));
            int old = lastSure.length;
            lastSure = Arrays.copyOf(lastSure, shown.length);
            Arrays.fill(lastSure, old, lastSure.length, 1f);
        }
        int changed = words.size();
        for (int i = Math.max(first, committed); i < words.size(); i++) {
            byte p = (byte) labeller.phaseOf(i).ordinal();
            if (i >= before || shown[i] != p) {
                shown[i] = p;
                changed = Math.min(changed, i);
            }
        }
        commit();
        return changed;
    }

    /**
     * Commits, in order, every word the labeller has settled (holding those it was unsure of when it last could
     * relabel them), and every word followed by at least the lag of closed speech whose phase the labeller is sure of;
     * counts the time of those committed and not held. Notes how sure the labeller is of the words it may still
     * relabel (at most its window).
     */
    private void commit() {
        int closed = labeller.closed();
        int settledBefore = labeller.firstRevisable();
        double lagged = closed > 0 ? words.get(closed - 1).end() - lag : Double.NEGATIVE_INFINITY;
        while (committed < closed) {
            if (committed < settledBefore) {
                if (lastSure[committed] < holdBelow) {
                    held.set(committed);
                }
            } else if (words.get(committed).end() > lagged + 1e-9 || labeller.sureOf(committed) < sure) {
                break;
            }
            committed++;
        }
        for (int i = Math.max(committed, settledBefore); i < closed; i++) {
            lastSure[i] = (float) labeller.sureOf(i);
        }
        while (counted < committed && counted + 1 < words.size()) {
            if (!held.get(counted)) {
                int p = shown[counted];
                seconds[p] += words.get(counted + 1).start() - words.get(counted).start();
                heard[p] = true;
            }
            counted++;
        }
    }

    private static float[] filled(float[] a) {
        Arrays.fill(a, 1f);
        return a;
    }

    /** The phase shown for words the recognizer has only guessed: the labeller's, tentative. */
    public Phase preview(List<Word> guessed) {
        return labeller.preview(guessed);
    }

    /** The phase shown for word {@code i}. */
    public Phase phaseOf(int i) {
        if (i < 0 || i >= words.size()) {
            throw new IndexOutOfBoundsException(i);
        }
        return settled != null ? settled.get(i) : PHASES[shown[i]];
    }

    /** The phase shown for the newest finalised word, or null before any. */
    public Phase newest() {
        return words.isEmpty() ? null : phaseOf(words.size() - 1);
    }

    /**
     * Whether word {@code i} was settled by the labeller while it was unsure of it: shown with that phase, but on no
     * timer until the answer ends, when it takes the report's phase.
     */
    public boolean held(int i) {
        return held.get(i);
    }

    /** The first word whose phase may still change on screen when the answer ends: the first held or uncommitted. */
    public int firstOpen() {
        int h = held.nextSetBit(0);
        return h >= 0 && h < committed ? h : committed;
    }

    /** How many words, from the first, are committed: their phases will not change on screen while answering. */
    public int committed() {
        return settled != null ? words.size() : committed;
    }

    public int size() {
        return words.size();
    }

    /** The finalised words, as a read-only view (no copy). */
    public List<Word> words() {
        return wordsView;
    }

    /** Phases of all words as shown (a copy: at the end, or for measuring). */
    public List<Phase> phases() {
        List<Phase> out = new ArrayList<>(words.size());
        for (int i = 0; i < words.size(); i++) {
            out.add(phaseOf(i));
        }
        return out;
    }

    /** Each phase's committed time against its target; after the end, the whole answer as finally shown. */
    public List<PhaseTiming> timers() {
        if (settled != null) {
            return Timing.phases(words, settled, targets);
        }
        return Timing.counted(seconds, heard, targets);
    }

    /** The labeller behind the view: what a nudge asks about the answer as if it ended now. */
    public LiveSegmenter labeller() {
        return labeller;
    }

    /**
     * The answer has ended: the finished answer is labelled whole (the report's phases, returned), and the words not
     * yet committed take those phases on screen; the committed ones keep theirs.
     */
    public List<Phase> finish() {
        List<Phase> report = labeller.finish();
        List<Phase> out = new ArrayList<>(words.size());
        for (int i = 0; i < words.size(); i++) {
            out.add(i < committed && !held.get(i) ? PHASES[shown[i]] : report.get(i));
        }
        settled = out;
        return report;
    }
}
