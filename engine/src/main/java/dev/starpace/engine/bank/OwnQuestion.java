package dev.starpace.engine.bank;

import dev.starpace.engine.Level;
import java.util.UUID;

/**
 * A question the candidate wrote, for a Leadership Principle and a level they chose. It has no card of its own: it is
 * judged as the generic card judges any behavioural answer (its phase targets, level budgets, rules and follow-ups),
 * asked in the candidate's words.
 */
public record OwnQuestion(String id, String lp, Level level, String question, String createdAt) {
    /** Every own question's id starts so: the bank's ids never do, so the two cannot clash. */
    public static final String PREFIX = "own-";
    public static final int MAX_QUESTION_CHARS = 400;
    public static final int MIN_QUESTION_CHARS = 10;
    public static final int MAX_LP_CHARS = 80;

    public static boolean isOwn(String id) {
        return id.startsWith(PREFIX);
    }

    public static String newId() {
        return PREFIX + UUID.randomUUID();
    }

    /** What is wrong with a question as written, in one line for the writer, or null when it can be kept. */
    public static String problem(String question, String lp) {
        String q = question == null ? "" : question.strip();
        if (q.length() < MIN_QUESTION_CHARS) {
            return "Write the question first: at least " + MIN_QUESTION_CHARS + " characters.";
        }
        if (q.length() > MAX_QUESTION_CHARS) {
            return "The question is too long: at most " + MAX_QUESTION_CHARS + " characters.";
        }
        String p = lp == null ? "" : lp.strip();
        if (p.isEmpty()) {
            return "Pick the Leadership Principle the question asks about.";
        }
        if (p.length() > MAX_LP_CHARS) {
            return "The Leadership Principle's name is too long: at most " + MAX_LP_CHARS + " characters.";
        }
        return null;
    }

    /** The card this question is practised with: the generic card's targets, rules and follow-ups, in its words. */
    public Card card(Card generic) {
        return new Card(id, question, lp, question, null, generic.phases(), generic.reflections(), generic.probes(),
            null, null, null, generic.levels(), generic.rules());
    }
}
