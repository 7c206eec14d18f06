package dev.starpace.engine.rules;

import dev.starpace.engine.Level;
import dev.starpace.engine.Phase;
import dev.starpace.engine.bank.Card;
import dev.starpace.engine.text.NearMiss;
import dev.starpace.engine.text.PhraseTrie;
import dev.starpace.engine.transcript.Word;
import java.util.ArrayList;
import java.util.List;

/**
 * A segmented answer as the rules read it: the card, the level, the words and their phases, which words the
 * recognizer was unsure of, and whether the recording it was heard in was poor.
 */
public final class Answer {
    /**
     * A word Vosk gives a confidence under this is one it was unsure of. Chosen on the first answer of the noisy corpus
     * (c-a05): under 0.6 fall 27 % of the words it heard wrong and 1.7 % of those it heard right
     * (docs/noisy-recordings.md).
     */
    public static final double UNSURE_BELOW = 0.6;
    /** What an unsure word reads as when the rules are run without it: a token no pattern holds. */
    static final String MASK = "\u2047";

    private final Card card;
    private final Level level;
    private final List<Word> words;
    private final List<Phase> phases;
    private final List<String> tokens;
    private final boolean slips;
    private final boolean poor;

    public Answer(Card card, Level level, List<Word> words, List<Phase> phases) {
        this(card, level, words, phases, words.stream().map(Word::word).toList(), true, false);
        if (words.size() != phases.size()) {
            throw new IllegalArgumentException(words.size() + " words but " + phases.size() + " phases");
        }
    }

    private Answer(Card card, Level level, List<Word> words, List<Phase> phases, List<String> tokens, boolean slips,
                   boolean poor) {
        this.card = card;
        this.level = level;
        this.words = List.copyOf(words);
        this.phases = List.copyOf(phases);
        this.tokens = tokens;
        this.slips = slips;
        this.poor = poor;
    }

    /** The same answer with phrases matched word for word, no near misses: how the rules read before slips. */
    public Answer exact() {
        return new Answer(card, level, words, phases, tokens, false, poor);
    }

    /**
     * The same answer heard in a recording whose input quality is poor (noisy, clipped or quiet): the recognizer misses
     * words it does not flag as unsure, and the segmenter's boundaries move, so {@link Doubt} also makes a learned judge's
     * close call unclear ({@link CloseCall}).
     */
    public Answer heardInPoorRecording() {
        return new Answer(card, level, words, phases, tokens, slips, true);
    }

    /** Whether the recording this answer was heard in was poor ({@link #heardInPoorRecording}). */
    public boolean poorRecording() {
        return poor;
    }

    /** The same answer with other phases: where the segmenter might have drawn its boundaries ({@link MovedBoundary}). */
    Answer withPhases(List<Phase> other) {
        return new Answer(card, level, words, other, tokens, slips, poor);
    }

    /** Whether the recognizer was unsure of word i. */
    public boolean unsure(int i) {
        return words.get(i).conf() < UNSURE_BELOW;
    }

    /** Whether any word is one the recognizer was unsure of. */
    public boolean anyUnsure() {
        for (int i = 0; i < words.size(); i++) {
            if (unsure(i)) {
                return true;
            }
        }
        return false;
    }

    /** The same answer with every unsure word masked: what the rules find on the words the recognizer was sure of. */
    public Answer withoutUnsure() {
        List<String> masked = new ArrayList<>(tokens);
        for (int i = 0; i < masked.size(); i++) {
            if (unsure(i)) {
                masked.set(i, MASK);
            }
        }
        return new Answer(card, level, words, phases, List.copyOf(masked), slips, poor);
    }

    /** Every match of the phrases in the words, one word of a phrase allowed to be a near miss ({@link NearMiss}). */
    public <T> List<PhraseTrie.Hit<T>> find(PhraseTrie<T> phrases) {
        if (!slips) {
            return phrases.findAll(tokens);
        }
        return phrases.findAll(tokens, (pos, heard, expected) -> heardAs(pos, expected));
    }

    /** Whether word i was heard as {@code expected}, or as a near miss of it ({@link #find}'s matching for one word). */
    public boolean heardAs(int i, String expected) {
        String heard = tokens.get(i);
        return heard.equals(expected) || slips && !heard.equals(MASK) && NearMiss.near(heard, expected, unsure(i));
    }

    public Card card() {
        return card;
    }

    public Level level() {
        return level;
    }

    public List<Word> words() {
        return words;
    }

    public List<Phase> phases() {
        return phases;
    }

    /** The words' text, lowercase. */
    public List<String> tokens() {
        return tokens;
    }

    public int size() {
        return words.size();
    }

    public double duration() {
        return words.isEmpty() ? 0 : words.get(words.size() - 1).end() - words.get(0).start();
    }

    public boolean has(Phase phase) {
        return phases.contains(phase);
    }

    /** Indices of the words in a phase, in order. */
    public List<Integer> indicesOf(Phase phase) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < phases.size(); i++) {
            if (phases.get(i) == phase) {
                out.add(i);
            }
        }
        return out;
    }

    /** The silence after each word, in seconds (none after the last). */
    public double[] gapsAfter() {
        double[] gaps = new double[words.size()];
        for (int i = 0; i + 1 < words.size(); i++) {
            gaps[i] = gapBefore(i + 1);
        }
        return gaps;
    }

    /** Silence before word i (0 for the first word). */
    public double gapBefore(int i) {
        return i == 0 ? 0 : Math.max(0, words.get(i).start() - words.get(i - 1).end());
    }

    /** Evidence for words [from, to), as heard (an unsure word too), with the lowest confidence when one was unsure. */
    public Evidence evidence(int from, int to) {
        double lowest = 1;
        List<String> heard = new ArrayList<>();
        for (int i = from; i < to; i++) {
            lowest = Math.min(lowest, words.get(i).conf());
            heard.add(words.get(i).word());
        }
        return new Evidence(words.get(from).start(), words.get(to - 1).end(), String.join(" ", heard),
            lowest < UNSURE_BELOW ? Math.round(lowest * 100) / 100.0 : null);
    }
}
