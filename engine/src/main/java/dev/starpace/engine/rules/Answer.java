package dev.starpace.engine.rules;

import dev.starpace.engine.Level;
import dev.starpace.engine.Phase;
import dev.starpace.engine.bank.Card;
import dev.starpace.engine.transcript.Word;
import java.util.ArrayList;
import java.util.List;

/** A segmented answer as the rules read it: the card, the level, the words and their phases. */
public final class Answer {
    private final Card card;
    private final Level level;
    private final List<Word> words;
    private final List<Phase> phases;
    private final List<String> tokens;

    public Answer(Card card, Level level, List<Word> words, List<Phase> phases) {
        if (words.size() != phases.size()) {
            throw new IllegalArgumentException(words.size() + " words but " + phases.size() + " phases");
        }
        this.card = card;
        this.level = level;
        this.words = List.copyOf(words);
        this.phases = List.copyOf(phases);
        this.tokens = words.stream().map(Word::word).toList();
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

    /** Silence before word i (0 for the first word). */
    public double gapBefore(int i) {
        return i == 0 ? 0 : Math.max(0, words.get(i).start() - words.get(i - 1).end());
    }

    /** Evidence for words [from, to). */
    public Evidence evidence(int from, int to) {
        return new Evidence(words.get(from).start(), words.get(to - 1).end(), String.join(" ", tokens.subList(from, to)));
    }
}
