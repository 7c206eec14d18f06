package dev.starpace.engine.segment;

import dev.starpace.engine.Phase;
import dev.starpace.engine.transcript.Word;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Labels a live answer with the learned STAR model as the recognizer finalises words, steadily.
 *
 * <p>Words gather into an open unit ({@link UnitCutter}); when a unit closes (a pause, a clause opener in a long
 * run, the length cap, or the end of a recognizer utterance) it is encoded, classified with the live classifier
 * (position = share of the level's budget, no look-ahead) and added to an incremental Viterbi decode. Only the last
 * {@link #WINDOW} units may be relabelled; older ones are settled. The newest unit shows a new phase only on strong
 * evidence — the chain at least {@link #SWITCH} sure of it given everything heard (the filtering probability), or the
 * unit after it agreeing — otherwise it keeps the phase on screen until the next unit decides (hysteresis). The words of the open unit, and words still only guessed by
 * the recognizer, take the phase on screen unless a {@link #preview} of them is confident of the next phase.
 *
 * <p>Work per closed unit: one encoding plus O(WINDOW × phases²), whatever the answer's length. Not thread-safe:
 * one per answer.
 */
public final class LiveStarSegmenter implements LiveSegmenter {
    /** Units that may still be relabelled: about half a minute of speech. */
    public static final int WINDOW = 6;
    /** The chain this sure of a new phase for the newest unit shows it at once. */
    public static final double SWITCH = 0.5;
    /** Fewer words than this are too few to preview. */
    public static final int PREVIEW_WORDS = 4;
    /** The recognizer's guess is previewed at most this often (seconds of audio): each look encodes a sentence. */
    public static final double PREVIEW_INTERVAL = 0.5;

    /**
     * How sure the chain must be before the view changes what it shows.
     *
     * @param switchAt  the newest unit shows a new phase at once when the chain is this sure of it (filtering)
     * @param relabelAt a unit already shown takes another phase only when the chain, given every unit heard since, is
     *                  this sure of it (smoothing over the window): a phase shown live changes back only on strong
     *                  evidence, so timers do not fall back; 0 lets the window's best path relabel freely
     */
    public record Steadiness(double switchAt, double relabelAt) {
        @Override
        public String toString() {
            return "switch at " + switchAt + ", relabel at " + relabelAt;
        }
    }

    /**
     * As shipped (docs/segmentation.md, section 4, says how each was chosen). Gated relabelling is off: it held timers
     * from falling back as far but left the live view further from the report at the end.
     */
    public static final Steadiness STEADY = new Steadiness(SWITCH, 0);

    private static final Phase[] PHASES = Phase.values();
    private static final int P = PHASES.length;

    private final StarModel model;
    private final Function<String, float[]> encoder;
    private final CueBook cues;
    private final double budgetSeconds;
    private final Steadiness steadiness;

    private final List<Word> words = new ArrayList<>();
    private final List<String> tokens = new ArrayList<>();
    private final List<Unit> units = new ArrayList<>();
    private final List<float[]> vectors = new ArrayList<>();
    /** Vectors of the closed units by text, so labelling the finished answer encodes only what was never closed. */
    private final Map<String, float[]> encoded = new HashMap<>();
    private final List<int[]> back = new ArrayList<>();
    private byte[] labels = new byte[256];
    private int[] unitLabels = new int[64];
    /** For the units in the window (by index modulo WINDOW): how sure the chain is of the phase each shows. */
    private final double[] sure = new double[WINDOW];
    private double[] alpha;
    private double[] forward;
    /** Each closed unit's emission and normalised forward scores: the window is smoothed from them. */
    private final List<double[]> emissions = new ArrayList<>();
    private final List<double[]> forwards = new ArrayList<>();
    /** The finalised words scored whole, as if the answer ended now: one pass for nudges' labels and likelihoods. */
    private StarSegmenter.Scored scoredNow;
    /** Its best labelling and likelihoods, each worked out once per scoring, however often a timer asks. */
    private List<Phase> endedNow;
    private double[][] endedNowLikelihoods;
    private int openFrom;
    /**
     * The phase a preview put on screen for the open unit's words when it differs from the phase on screen, else null:
     * words finalised after it keep it, and the unit they close into leaves it only on strong evidence, so a phase a
     * preview showed does not flash back when its words are finalised.
     */
    private Phase previewed;

    /**
     * @param budgetSeconds the level's longest answer, the scale of the live position feature
     */
    public LiveStarSegmenter(StarModel model, Function<String, float[]> encoder, CueBook cues, double budgetSeconds) {
        this(model, encoder, cues, budgetSeconds, STEADY);
    }

    /** With other thresholds, to measure them (engine/train-segmenter --live). */
    public LiveStarSegmenter(StarModel model, Function<String, float[]> encoder, CueBook cues, double budgetSeconds,
                             Steadiness steadiness) {
        this.model = model;
        this.encoder = encoder;
        this.cues = cues;
        this.budgetSeconds = budgetSeconds;
        this.steadiness = steadiness;
    }

    /** Adds a finalised word; returns the index of the first word whose phase changed (or the new word's). */
    @Override
    public int accept(Word word) {
        int n = words.size();
        double gap = n == 0 ? 0 : word.start() - words.get(n - 1).end();
        int changed = n;
        if (n > openFrom && UnitCutter.opensUnit(n - openFrom, word.word().toLowerCase(), gap)) {
            changed = close(n);
        }
        words.add(word);
        tokens.add(word.word().toLowerCase());
        if (n >= labels.length) {
            labels = Arrays.copyOf(labels, labels.length * 2);
        }
        labels[n] = (byte) (previewed != null ? previewed : shown()).ordinal();
        return Math.min(changed, n);
    }

    /** The recognizer closed an utterance (it heard a pause): the open unit closes too. Returns the first changed index. */
    @Override
    public int endUtterance() {
        return words.size() > openFrom ? close(words.size()) : words.size();
    }

    @Override
    public int size() {
        return words.size();
    }

    /** The phase on screen now: that of the last word shown, situation before any word. */
    public Phase shown() {
        if (words.isEmpty() && units.isEmpty()) {
            return Phase.SITUATION;
        }
        int last = units.isEmpty() ? -1 : unitLabels[units.size() - 1];
        return last < 0 ? bestOpening() : PHASES[last];
    }

    private Phase bestOpening() {
        int best = 0;
        for (int p = 1; p < P; p++) {
            if (chain().open()[p] > chain().open()[best]) {
                best = p;
            }
        }
        return PHASES[best];
    }

    /**
     * The phase for words not yet in a closed unit: the open unit's final words plus the recognizer's current guess.
     * It is the next phase only when the model is confident of it from these words; otherwise the phase on screen.
     */
    @Override
    public Phase preview(List<Word> guessed) {
        int open = words.size() - openFrom + guessed.size();
        if (open < PREVIEW_WORDS) {
            return shown();
        }
        List<Word> all = new ArrayList<>(words.subList(openFrom, words.size()));
        all.addAll(guessed);
        List<String> t = new ArrayList<>(tokens.subList(openFrom, tokens.size()));
        guessed.forEach(w -> t.add(w.word().toLowerCase()));
        Unit unit = new Unit(0, t.size());
        float[] vector = encoder.apply(StarSegmenter.text(t, unit));
        float[] previous = vectors.isEmpty() ? null : vectors.get(vectors.size() - 1);
        double answerStart = (words.isEmpty() ? all : words).get(0).start();
        UnitFeatures.Placement place = StarSegmenter.livePlacement(all, unit, answerStart, budgetSeconds);
        double[] e = chain().emission(UnitFeatures.of(t, unit, vector, previous, null, place, cues));
        int best = step(e, null);
        Phase on = previewed != null ? previewed : shown();
        // a new phase shows on fair evidence; one a preview already showed is taken back only on strong evidence
        double needed = previewed != null ? steadiness.relabelAt() : steadiness.switchAt();
        if (best != on.ordinal() && filtered(e)[best] >= needed) {
            on = PHASES[best];
            previewed = on == shown() || steadiness.relabelAt() == 0 ? null : on;
        }
        return on;
    }

    @Override
    public Phase phaseOf(int index) {
        if (index < 0 || index >= words.size()) {
            throw new IndexOutOfBoundsException(index);
        }
        return PHASES[labels[index]];
    }

    @Override
    public double sureOf(int index) {
        int first = firstRevisable();
        if (index < first) {
            return 1;
        }
        int u = units.size() - 1;
        while (u >= 0 && units.get(u).from() > index) {
            u--;
        }
        return u < 0 || units.get(u).to() <= index ? 0 : sure[u % WINDOW];
    }

    @Override
    public int closed() {
        return openFrom;
    }

    /** Phases of all words so far, as shown. */
    @Override
    public List<Phase> phases() {
        List<Phase> out = new ArrayList<>(words.size());
        for (int i = 0; i < words.size(); i++) {
            out.add(PHASES[labels[i]]);
        }
        return out;
    }

    @Override
    public List<Word> words() {
        return List.copyOf(words);
    }

    /** The finished answer labelled whole, with look-ahead (the report's phases), reusing the units already encoded. */
    @Override
    public List<Phase> finish() {
        endUtterance();
        if (words.isEmpty()) {
            return List.of();
        }
        return new StarSegmenter(model, this::reuse, cues).label(words);
    }

    @Override
    public int firstRevisable() {
        int u = units.size() - WINDOW;
        return u <= 0 ? 0 : units.get(u).from();
    }

    /** The finalised words labelled whole, as if the answer ended now; scored again only when words were added. */
    @Override
    public List<Phase> asIfEndedNow() {
        if (words.isEmpty()) {
            return List.of();
        }
        scoredNow();
        if (endedNow == null) {
            endedNow = scoredNow.phases();
        }
        return endedNow;
    }

    /** How likely each phase is for every finalised word, as if the answer ended now (from the same scoring). */
    @Override
    public double[][] likelihoodsIfEndedNow() {
        if (words.isEmpty()) {
            return new double[0][];
        }
        scoredNow();
        if (endedNowLikelihoods == null) {
            endedNowLikelihoods = scoredNow.likelihoods();
        }
        return endedNowLikelihoods;
    }

    /** The finalised words scored whole, once for as many words as were heard; the units' vectors are reused. */
    private StarSegmenter.Scored scoredNow() {
        if (scoredNow == null || scoredNow.words() != words.size()) {
            scoredNow = new StarSegmenter(model, this::reuse, cues).score(words);
            endedNow = null;
            endedNowLikelihoods = null;
        }
        return scoredNow;
    }

    private float[] reuse(String text) {
        float[] v = encoded.get(text);
        return v != null ? v : encoder.apply(text);
    }

    /** Closes the open unit [openFrom, to): encode, classify, decode the window; returns the first word relabelled. */
    private int close(int to) {
        Unit unit = new Unit(openFrom, to);
        openFrom = to;
        Phase previewed = this.previewed;
        this.previewed = null;
        int u = units.size();
        units.add(unit);
        String text = StarSegmenter.text(tokens, unit);
        float[] vector = encoder.apply(text);
        encoded.put(text, vector);
        vectors.add(vector);
        double[] x = StarSegmenter.features(tokens, units, vectors, u, false,
            StarSegmenter.livePlacement(words, unit, words.get(0).start(), budgetSeconds), cues);
        double[] e = chain().emission(x);
        double[] belief = filtered(e);
        forward = logForward(e);
        emissions.add(e);
        forwards.add(forward);
        int[] from = new int[P];
        int best = step(e, from);
        back.add(from);
        if (u >= unitLabels.length) {
            unitLabels = Arrays.copyOf(unitLabels, unitLabels.length * 2);
        }
        // the best path through the window, read back from the best state now
        int first = Math.max(0, u - WINDOW + 1);
        int[] path = new int[u - first + 1];
        int state = best;
        for (int k = u; k >= first; k--) {
            path[k - first] = state;
            state = back.get(k)[state];
        }
        double confidence = belief[path[path.length - 1]];
        double[][] smoothed = smoothed(first, u);
        int changed = to;
        for (int k = first; k <= u; k++) {
            int label = path[k - first];
            if (k < u && steadiness.relabelAt() > 0 && label != unitLabels[k] && smoothed[k - first][label] < steadiness.relabelAt()) {
                // shown already: it changes only when what was heard since makes the chain sure
                label = unitLabels[k];
            }
            if (k == u && u > 0) {
                int before = path.length >= 2 ? path[path.length - 2] : unitLabels[u - 1];
                if (previewed != null && label != previewed.ordinal()
                    && confidence < steadiness.relabelAt()) {
                    // a preview showed these words a new phase: they leave it only on strong evidence
                    label = previewed.ordinal();
                } else if (label != before && confidence < steadiness.switchAt()) {
                    // hold: a new phase shows at once only on fair evidence; else the next unit decides
                    label = before;
                }
            }
            unitLabels[k] = label;
            sure[k % WINDOW] = smoothed[k - first][label];
            Unit w = units.get(k);
            for (int i = w.from(); i < w.to(); i++) {
                if (labels[i] != label) {
                    labels[i] = (byte) label;
                    changed = Math.min(changed, i);
                }
            }
        }
        // words after the unit (already heard, still open) take the phase on screen
        for (int i = to; i < words.size(); i++) {
            labels[i] = (byte) unitLabels[u];
        }
        return changed;
    }

    /** How likely each phase is for units {@code first..last}, given everything heard (forward-backward over the window). */
    private double[][] smoothed(int first, int last) {
        double[][] e = emissions.subList(first, last + 1).toArray(new double[0][]);
        double[] open = chain().open();
        if (first > 0) {
            open = new double[P];
            double[] before = forwards.get(first - 1);
            double[] into = new double[P];
            for (int p = 0; p < P; p++) {
                for (int q = 0; q < P; q++) {
                    into[q] = before[q] + chain().move()[q][p];
                }
                open[p] = PhaseClassifier.logSumExp(into);
            }
        }
        return UnitViterbi.marginals(e, open, chain().move());
    }

    private PhaseChain chain() {
        return model.live();
    }

    /** How sure the chain is of each phase for a unit with emission {@code e}, given everything before it (filtering). */
    private double[] filtered(double[] e) {
        double[] f = logForward(e);
        double[] out = PhaseClassifier.logSoftmax(f);
        for (int p = 0; p < P; p++) {
            out[p] = Math.exp(out[p]);
        }
        return out;
    }

    /** The forward (sum over paths) log-scores after a unit with emission {@code e}, normalised. */
    private double[] logForward(double[] e) {
        double[] next = new double[P];
        for (int p = 0; p < P; p++) {
            if (forward == null) {
                next[p] = chain().open()[p] + e[p];
                continue;
            }
            double[] into = new double[P];
            for (int q = 0; q < P; q++) {
                into[q] = forward[q] + chain().move()[q][p];
            }
            next[p] = PhaseClassifier.logSumExp(into) + e[p];
        }
        return PhaseClassifier.logSoftmax(next);
    }

    /** One forward Viterbi step with emission {@code e}; updates alpha when {@code from} is given; returns the best state. */
    private int step(double[] e, int[] from) {
        double[] next = new double[P];
        for (int p = 0; p < P; p++) {
            if (alpha == null) {
                next[p] = chain().open()[p] + e[p];
                if (from != null) {
                    from[p] = p;
                }
                continue;
            }
            double best = Double.NEGATIVE_INFINITY;
            int arg = 0;
            for (int q = 0; q < P; q++) {
                double s = alpha[q] + chain().move()[q][p];
                if (s > best) {
                    best = s;
                    arg = q;
                }
            }
            next[p] = best + e[p];
            if (from != null) {
                from[p] = arg;
            }
        }
        int best = 0;
        for (int p = 1; p < P; p++) {
            if (next[p] > next[best]) {
                best = p;
            }
        }
        if (from != null) {
            // keep scores small over a long answer: only differences matter
            double top = next[best];
            for (int p = 0; p < P; p++) {
                next[p] -= top;
            }
            alpha = next;
        }
        return best;
    }
}
