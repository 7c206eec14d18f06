package dev.starpace.engine.segment;

import dev.starpace.engine.Phase;
import dev.starpace.engine.text.PhraseTrie;
import dev.starpace.engine.transcript.Word;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * Labels words with STAR phases as a recognizer delivers them.
 *
 * <p>Each word gets evidence per phase from the cues that cover it, spread with a fading weight to its
 * neighbours. A Viterbi decoder over {@link PhaseModel} picks the best phase sequence. Decoding is
 * fixed-lag: only the last {@code lag} to {@code 1.5 × lag} words may still change; older words are
 * committed and the decoder restarts from the committed phase, so the work per word is bounded by the lag,
 * whatever the length of the answer. Every word always has a phase: the provisional ones come from the current best path.
 */
public final class OnlineSegmenter implements LiveSegmenter {
    public static final int DEFAULT_LAG = 48;
    static final int SPREAD_BACK = 2;
    static final int SPREAD_FORWARD = 10;
    static final double DECAY = 0.75;
    /** DECAY to the power d, for every distance a cue spreads. */
    private static final double[] FADE = new double[SPREAD_FORWARD + 1];

    static {
        for (int d = 0; d <= SPREAD_FORWARD; d++) {
            FADE[d] = Math.pow(DECAY, d);
        }
    }

    private static final int P = PhaseModel.phases();
    private static final Phase[] PHASES = Phase.values();

    private final CueBook cues;
    private final PhaseModel model;
    private final int lag;
    private final int capacity;

    private final List<Word> words = new ArrayList<>();
    private final List<String> tokens = new ArrayList<>();
    private byte[] labels = new byte[256];

    // ring buffers over the open window, indexed by word index modulo capacity
    private final double[][] evidence;
    private final double[][] score;
    private final byte[][] back;
    private final byte[] boundary;

    private record Spread(Phase phase, double weight, int to) {
    }

    /** Cues whose forward spread still reaches the next words. */
    private final Deque<Spread> reaching = new ArrayDeque<>();
    private final List<PhraseTrie.Hit<CueBook.Cue>> found = new ArrayList<>();

    private int committed;
    private int committedPhase = -1;

    public OnlineSegmenter(CueBook cues, PhaseModel model, int lag) {
        if (lag < SPREAD_BACK + 1) {
            throw new IllegalArgumentException("lag must be over " + SPREAD_BACK + " words");
        }
        this.cues = cues;
        this.model = model;
        this.lag = lag;
        this.capacity = lag + lag / 2 + 1;
        this.evidence = new double[capacity][P];
        this.score = new double[capacity][P];
        this.back = new byte[capacity][P];
        this.boundary = new byte[capacity];
    }

    public OnlineSegmenter(CueBook cues) {
        this(cues, new PhaseModel(), DEFAULT_LAG);
    }

    /**
     * Adds the next word and returns the index of the first word whose phase this changed
     * (or the new word's index when only it was labelled).
     */
    @Override
    public int accept(Word word) {
        int n = words.size();
        double gap = n == 0 ? 0 : word.start() - words.get(n - 1).end();
        words.add(word);
        tokens.add(word.word().toLowerCase());
        if (n >= labels.length) {
            labels = Arrays.copyOf(labels, labels.length * 2);
        }
        if (n - committed >= lag + lag / 2) {
            commitOldest(lag / 2);
        }
        int slot = n % capacity;
        Arrays.fill(evidence[slot], 0);
        boundary[slot] = (byte) model.boundary(tokens.get(n), gap);

        int dirty = n;
        // earlier cues still spreading forward onto this word, unless a pause stands between
        if (boundary[slot] == 2) {
            reaching.clear();
        }
        while (!reaching.isEmpty() && reaching.peekFirst().to() < n) {
            reaching.pollFirst();
        }
        for (Spread s : reaching) {
            evidence[slot][s.phase().ordinal()] += s.weight() * FADE[n - (s.to() - SPREAD_FORWARD)];
        }
        // cues that end at this word: full weight on their words, fading back a few words before them
        found.clear();
        cues.endingAt(tokens, n, committed, found);
        for (PhraseTrie.Hit<CueBook.Cue> hit : found) {
            CueBook.Cue m = hit.value();
            int first = hit.from();
            int p = m.phase().ordinal();
            for (int i = first; i <= n; i++) {
                evidence[i % capacity][p] += m.weight();
            }
            for (int d = 1, i = first - 1; d <= SPREAD_BACK && i >= committed; d++, i--) {
                if (boundary[(i + 1) % capacity] == 2) {
                    break;
                }
                evidence[i % capacity][p] += m.weight() * FADE[d];
                dirty = Math.min(dirty, i);
            }
            dirty = Math.min(dirty, first);
            reaching.addLast(new Spread(m.phase(), m.weight(), n + SPREAD_FORWARD));
        }
        decodeFrom(Math.max(dirty, committed), n);
        return relabel(n);
    }

    @Override
    public int size() {
        return words.size();
    }

    /** Utterance ends change nothing here: pauses already weigh in through the word gaps. */
    @Override
    public int endUtterance() {
        return words.size();
    }

    /** Guessed words take the phase of the last finalised word. */
    @Override
    public Phase preview(List<Word> guessed) {
        return words.isEmpty() ? Phase.SITUATION : PHASES[labels[words.size() - 1]];
    }

    /** The cue segmenter's report is what it shows live. */
    @Override
    public List<Phase> finish() {
        return phases();
    }

    /** Nudges rest on the labels shown: the old live view's behaviour. */
    @Override
    public List<Phase> asIfEndedNow() {
        return phases();
    }

    public Phase phaseOf(int index) {
        if (index < 0 || index >= words.size()) {
            throw new IndexOutOfBoundsException(index);
        }
        return PHASES[labels[index]];
    }

    /** Phases of all words so far; those from {@link #firstRevisable()} on may still change. */
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

    /** Index of the oldest word whose phase may still be revised. */
    public int firstRevisable() {
        return committed;
    }

    private void decodeFrom(int from, int to) {
        for (int i = from; i <= to; i++) {
            int slot = i % capacity;
            double cost = model.boundaryCost(boundary[slot]);
            for (int p = 0; p < P; p++) {
                double best;
                int arg;
                if (i == committed) {
                    if (committedPhase < 0) {
                        best = model.open(PHASES[p]);
                        arg = p;
                    } else {
                        best = p == committedPhase ? 0 : model.move(committedPhase, p) - cost;
                        arg = committedPhase;
                    }
                } else {
                    double[] prev = score[(i - 1) % capacity];
                    best = Double.NEGATIVE_INFINITY;
                    arg = p;
                    for (int q = 0; q < P; q++) {
                        double s = prev[q] + (q == p ? 0 : model.move(q, p) - cost);
                        if (s > best) {
                            best = s;
                            arg = q;
                        }
                    }
                }
                score[slot][p] = best + evidence[slot][p];
                back[slot][p] = (byte) arg;
            }
        }
    }

    /** Writes the best path into the labels and returns the first index that changed. */
    private int relabel(int n) {
        double[] last = score[n % capacity];
        int state = 0;
        for (int p = 1; p < P; p++) {
            if (last[p] > last[state]) {
                state = p;
            }
        }
        int firstChanged = n;
        for (int i = n; i >= committed; i--) {
            if (i < n && labels[i] != state) {
                firstChanged = i;
            }
            labels[i] = (byte) state;
            state = back[i % capacity][state];
        }
        return firstChanged;
    }

    /**
     * Commits the oldest words; the decoder restarts from the last committed phase. Committing half a lag at
     * a time keeps the re-decoding this needs to a constant share of each word's work.
     */
    private void commitOldest(int count) {
        committed += count;
        committedPhase = labels[committed - 1];
        decodeFrom(committed, words.size() - 2);
    }
}
