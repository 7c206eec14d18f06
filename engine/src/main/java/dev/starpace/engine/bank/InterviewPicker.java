package dev.starpace.engine.bank;

import dev.starpace.engine.Level;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Picks a mock interview's questions for a candidate who asks to be surprised: as many Leadership Principles as there
 * are questions, one question each, each written for the candidate's level (a card with no level variants suits any),
 * in a random order. A real loop asks each interviewer about a different principle, so no principle comes twice while
 * another is left unasked; the generic card is never picked (it is no principle's question).
 */
public final class InterviewPicker {
    /** A mock interview asks this many questions at least, and at most {@link #MOST}. */
    public static final int FEWEST = 3;
    public static final int MOST = 5;

    private InterviewPicker() {
    }

    /** {@code count} questions of the bank for {@code level}, from as many different LPs as it has for that level. */
    public static List<Card> pick(QuestionBank bank, Level level, int count, Random random) {
        List<Card> suitable = new ArrayList<>(bank.cards().stream()
            .filter(c -> !c.id().equals(QuestionBank.DEFAULT_ID))
            .filter(c -> c.levels() == null || c.levels().isEmpty() || c.levels().containsKey(level))
            .toList());
        Collections.shuffle(suitable, random);
        List<Card> picked = new ArrayList<>();
        Set<String> lps = new HashSet<>();
        // first one question for each principle, then (a bank with fewer principles than questions) any other
        for (Card c : suitable) {
            if (picked.size() < count && lps.add(c.lp())) {
                picked.add(c);
            }
        }
        for (Card c : suitable) {
            if (picked.size() < count && !picked.contains(c)) {
                picked.add(c);
            }
        }
        return picked;
    }
}
