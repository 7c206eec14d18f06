package dev.starpace.engine.text;

import java.util.List;
import java.util.Set;

/**
 * Hesitations: "um", "uh" and "er", written as such or, by the recognizer, as a real word. Fillers count them, and
 * no rule reads them as words of the answer (an "um" heard as "i'm" is not the speaker owning a step).
 *
 * <p>Vosk writes the sound as a real word more often than not. Its small model writes the sound as the nearest word: "um" as "am" or "i'm", "uh" as "of", "a" or
 * "are", "er" as "or" (seen on festival's two voices and in the spoken corpus). Such a word is a filler only where the
 * grammar breaks around it — "we were i'm losing", "about or two hundred", "so the of the alert", "so am i opened" —
 * never where it does real work ("i'm the on-call lead", "i am", "a week or two", "most of the story").
 */
public final class Hesitations {
    private static final Set<String> WRITTEN = Set.of("um", "umm", "uhm", "uh", "er", "erm");

    /** Words that want a noun phrase or a verb after them, so a filler-sounding word cannot follow them in speech. */
    private static final Set<String> WANTS_MORE = Set.of("the", "a", "an", "to", "about", "my", "our", "their", "his",
        "her", "its", "your", "at", "from", "with", "by", "for", "as", "is", "was", "were", "been", "into", "than");
    /** A subject or "then": what "i'm", "a" or "of" cannot be followed by ("i'm i opened", "a then", "of we"). */
    private static final Set<String> STARTS_CLAUSE = Set.of("i", "we", "they", "he", "she", "then");
    private static final Set<String> DETERMINER_OR_SUBJECT = Set.of("the", "a", "an", "i", "we", "they", "this", "that");
    /**
     * What opens a new clause or phrase and so cannot follow "I'm" the way "I'm sure", "I'm a lead" or "I'm working" do:
     * a subject, a possessive, a conjunction, a discourse word ("so i'm this was my first year", "i'm our work",
     * "i'm and then", "i'm yeah").
     */
    private static final Set<String> NOT_AFTER_I_AM = Set.of("i", "we", "they", "he", "she", "you", "this", "our", "my",
        "their", "another", "and", "but", "so", "then", "when", "yeah", "okay", "basically");

    private Hesitations() {
    }

    /**
     * A pause after "i'm" at least this long (s): a real "I'm" runs into what follows ("i'm not", "i'm proud"), an "um"
     * is held and let go. In the spoken corpus 92 of the 96 "i'm" followed by 0.05 s or more were "um", 13 of the 51
     * followed by less.
     */
    static final double LET_GO = 0.05;
    /** A silence this long (s) before a word starts a new sentence. */
    static final double SENTENCE_PAUSE = 0.3;

    /** Whether word i is a hesitation, however it was written; gapAfter[i] is the silence after it (s). */
    public static boolean at(List<String> w, double[] gapAfter, int i) {
        return WRITTEN.contains(w.get(i)) || merged(w, gapAfter, i);
    }

    /** Whether word i is a hesitation the recognizer wrote as a real word. */
    static boolean merged(List<String> w, double[] gapAfter, int i) {
        String x = w.get(i);
        String prev = i > 0 ? w.get(i - 1) : "";
        String next = i + 1 < w.size() ? w.get(i + 1) : "";
        String after = i + 2 < w.size() ? w.get(i + 2) : "";
        return switch (x) {
            // "i am" and "nine am" are real; "so am i opened" is "so um i opened"
            case "am" -> !prev.equals("i") && !prev.equals("i'm") && !isNumber(prev);
            // "as i'm sure", "as of monday" are real
            case "i'm" -> WANTS_MORE.contains(prev) && !prev.equals("as") || next.isEmpty() || gapAfter[i] >= LET_GO
                || NOT_AFTER_I_AM.contains(next) && !(next.equals("so") && !DETERMINER_OR_SUBJECT.contains(after))
                || Lexicon.isPastVerb(next) && !next.endsWith("ed");   // "i'm took", "i'm made": not "i'm tired"
            // "or" opening a sentence after a pause is "er" ("Er, that is most of it"): an alternative joins two things
            case "or" -> WANTS_MORE.contains(prev) && !prev.equals("a") || prev.equals("but") || prev.equals("and")
                || next.equals("then") || i == 0 || gapAfter[i - 1] >= SENTENCE_PAUSE;
            // "to of", "to are": "two of", "two are" misheard
            case "of" -> WANTS_MORE.contains(prev) && !prev.equals("as") && !prev.equals("to") || STARTS_CLAUSE.contains(next);
            case "are" -> WANTS_MORE.contains(prev) && !prev.equals("to");
            case "a" -> STARTS_CLAUSE.contains(next) || Set.of("so", "the", "our", "my", "and").contains(next);
            default -> false;
        };
    }

    private static boolean isNumber(String w) {
        return Set.of("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "hundred", "thousand")
            .contains(w) || w.chars().allMatch(Character::isDigit) && !w.isEmpty();
    }
}
