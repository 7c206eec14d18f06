package dev.starpace.engine.text;

import dev.starpace.engine.transcript.Word;
import java.util.ArrayList;
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
 *
 * <p>A filler people actually say is held — a vowel or a hum of a quarter to most of a second — and the recognizer writes
 * it as the nearest short word, stretched: "ah", "the", "i'm", "am", "arm", "or", "her", "your". Such a word held far
 * longer than the word is ever said is the filler ({@link #heard}); the spoken answer then reads "um" where it was.
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

    /**
     * Short words the recognizer writes for a held "uh" (a schwa or open vowel), "um" (the vowel and a hum) or "er" (an
     * r-coloured vowel): said as the word itself, most last well under a quarter second (the limits below).
     */
    private static final Set<String> HELD_AS_UH = Set.of("uh", "ah", "huh", "oh", "a", "an", "the", "it", "is", "as");
    private static final Set<String> HELD_AS_UM = Set.of("um", "umm", "uhm", "hm", "hmm", "mm", "am", "i'm", "arm");
    private static final Set<String> HELD_AS_ER = Set.of("er", "erm", "or", "are", "our", "her", "your", "you're",
        "there", "their", "they're");
    /**
     * A filler-sounding word this long (s) or longer is held. Vosk times words in steps of 0.03 s; the words above said
     * as words in the dev filler fixtures last 0.03-0.24 s, the held fillers it heard as them 0.27-0.9 s.
     */
    static final double HELD_SECONDS = 0.25;
    /**
     * Sounds and words said in a tenth of a second or less: held that long they are a filler however sure the recognizer
     * is of them. ("a" is not one: read out as a letter, "SLA", "QA", it lasts 0.3 s.)
     */
    private static final Set<String> NEVER_HELD = Set.of("uh", "ah", "huh", "um", "umm", "uhm", "hm", "hmm", "mm",
        "er", "erm", "the");
    /** ...other words, unless the recognizer is this sure of the word and it is held under {@link #SURELY_HELD_SECONDS}. */
    static final double SURE = 0.95;
    static final double SURELY_HELD_SECONDS = 0.36;
    /**
     * Words with a long vowel or two sounds, which a speaker draws out at a phrase's end or before a pause ("sat there.",
     * "where they are."): held only from {@link #LONG_HELD_SECONDS}, or {@link #LONG_SURELY_HELD_SECONDS} when the
     * recognizer is sure. In the spoken corpus (festival reading 220 answers, 71,000 words, no held fillers) the
     * shorter limits took 50 words for fillers where none was said; these, 19, and 3 of the 59 held fillers of the dev
     * fixtures are lost.
     */
    private static final Set<String> LONG_WORDS = Set.of("there", "their", "they're", "her", "your", "you're", "our",
        "are", "or", "is", "as", "it", "oh", "arm");
    static final double LONG_HELD_SECONDS = 0.30;
    static final double LONG_SURELY_HELD_SECONDS = 0.39;
    /** Vosk's times are in 0.03 s steps; their differences come out a hair either side. */
    private static final double TIMING_SLACK = 1e-6;
    /**
     * "I'm" and "am" said slowly are still the speaker owning a step ("I'm... still proud of it"): held, they are an "um"
     * only from {@link #SURELY_HELD_SECONDS} on, however unsure the recognizer; shorter, the grammar decides (merged).
     */
    private static final Set<String> FIRST_PERSON = Set.of("i'm", "am");
    /** The closing hum of an "um" the recognizer wrote as a word of its own abuts the vowel: within this gap (s). */
    static final double HUM_GAP = 0.05;
    /** How that hum is written: a sound, not a word the rules read nor a second filler. */
    static final String HUM = "mm";

    private Hesitations() {
    }

    /**
     * The words as heard, with each held filler written as the filler it was: "i'm" held for 0.36 s becomes "um", "the"
     * held for 0.3 s "uh", so no rule reads them as words and fillers count them. For recognised speech only: a typed
     * answer's timings are estimates, not how long a word was held.
     */
    public static List<Word> heard(List<Word> words) {
        List<Word> out = new ArrayList<>(words.size());
        boolean afterHeld = false;
        for (int i = 0; i < words.size(); i++) {
            Word w = words.get(i);
            // "six am" is a time, however long it is held
            String filler = w.word().equals("am") && i > 0 && isNumber(words.get(i - 1).word()) ? null : held(w);
            if (afterHeld && HELD_AS_UM.contains(w.word()) && w.start() - words.get(i - 1).end() < HUM_GAP) {
                // "ah i'm": the hum closing the held vowel before it, one "um" (the hum stays a word, but no filler)
                Word vowel = out.get(i - 1);
                out.set(i - 1, new Word("um", vowel.start(), vowel.end(), vowel.conf()));
                out.add(new Word(HUM, w.start(), w.end(), w.conf()));
                afterHeld = false;
                continue;
            }
            out.add(filler == null ? w : new Word(filler, w.start(), w.end(), w.conf()));
            afterHeld = filler != null;
        }
        return out;
    }

    /** The filler a recognised word was, if it was held: "uh", "um" or "er"; else null. */
    static String held(Word w) {
        double seconds = w.duration();
        String x = w.word();
        boolean sure = w.conf() >= SURE;
        double atLeast = FIRST_PERSON.contains(x) ? SURELY_HELD_SECONDS
            : NEVER_HELD.contains(x) ? HELD_SECONDS
            : LONG_WORDS.contains(x) ? (sure ? LONG_SURELY_HELD_SECONDS : LONG_HELD_SECONDS)
            : sure ? SURELY_HELD_SECONDS : HELD_SECONDS;
        if (seconds < atLeast - TIMING_SLACK) {
            return null;
        }
        return HELD_AS_UM.contains(x) ? "um" : HELD_AS_ER.contains(x) ? "er" : HELD_AS_UH.contains(x) ? "uh" : null;
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
            // an alternative joins two things; an "or" opening a sentence is as often "our" misheard, and a held "er"
            // is found by how long it lasts (heard)
            case "or" -> WANTS_MORE.contains(prev) && !prev.equals("a") || prev.equals("but") || prev.equals("and")
                || next.equals("then");
            // "to of", "to are": "two of", "two are" misheard; after a sentence's pause the word before is not waiting
            // for it ("...it was. Are the numbers good?")
            case "of" -> WANTS_MORE.contains(prev) && !prev.equals("as") && !prev.equals("to") && !newSentence(gapAfter, i)
                || STARTS_CLAUSE.contains(next);
            case "are" -> WANTS_MORE.contains(prev) && !prev.equals("to") && !newSentence(gapAfter, i);
            case "a" -> STARTS_CLAUSE.contains(next) || Set.of("so", "the", "our", "my", "and").contains(next);
            default -> false;
        };
    }

    private static boolean newSentence(double[] gapAfter, int i) {
        return i > 0 && gapAfter[i - 1] >= SENTENCE_PAUSE;
    }

    private static boolean isNumber(String w) {
        return Set.of("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "hundred", "thousand")
            .contains(w) || w.chars().allMatch(Character::isDigit) && !w.isEmpty();
    }
}
