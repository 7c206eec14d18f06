package dev.starpace.engine.text;

import java.util.Set;

/** Closed word classes of spoken English that the segmenter and the rules share. */
public final class Lexicon {
    private Lexicon() {
    }

    public static final Set<String> CARDINALS = Set.of("zero", "one", "two", "three", "four", "five", "six", "seven",
        "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
        "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
        "hundred", "thousand", "million", "billion", "trillion", "dozen", "half", "quarter");

    /** Words that make a number a measurement. */
    public static final Set<String> UNITS = Set.of("percent", "percentage", "points", "dollars", "dollar", "cents",
        "euros", "pounds", "bucks", "k", "grand", "x", "times", "milliseconds", "ms", "seconds", "minutes", "hours",
        "days", "weeks", "months", "quarters", "years", "requests", "users", "customers", "engineers", "people",
        "tickets", "bugs", "builds", "orders", "rows", "calls", "errors", "incidents", "complaints", "sessions",
        "engineer", "per", "gigabytes", "terabytes", "megabytes", "servers", "instances");

    public static final Set<String> MULTIPLIERS = Set.of("doubled", "tripled", "quadrupled", "halved", "twice",
        "tenfold", "twofold", "threefold");

    private static final Set<String> IRREGULAR_PAST = Set.of("went", "made", "built", "rebuilt", "wrote", "rewrote",
        "ran", "reran", "found", "saw", "took", "got", "brought", "led", "set", "put", "sent", "told", "thought",
        "knew", "began", "spent", "kept", "held", "gave", "left", "met", "paid", "split", "shut", "cut", "drove",
        "chose", "caught", "taught", "sought", "bought", "won", "grew", "drew", "threw", "flew", "stood", "understood",
        "became", "did", "said", "sat", "felt", "dug", "hit", "spoke", "broke", "fell", "rose", "woke", "shook",
        "dealt", "meant", "sold", "struck", "swapped", "undid", "withdrew", "overrode", "forgot", "heard", "lost",
        "let", "spun", "hid", "fed", "lit", "sped", "shrank", "read", "reread", "sank", "stuck");

    /** Past forms that describe a state rather than a step taken. */
    public static final Set<String> STATIVE_PAST = Set.of("was", "were", "had", "seemed", "looked", "felt", "knew",
        "thought", "belonged", "owned", "existed", "lived", "used", "wanted", "needed", "assumed", "noticed",
        "realized", "learned", "liked", "loved", "hated", "believed", "supposed", "meant", "involved", "included",
        "contained", "depended", "happened", "started", "got", "did", "figured", "decided", "hoped",
        "suspected", "guessed", "expected", "worried", "cared", "agreed", "wondered", "remembered", "seen", "heard",
        "volunteered", "offered");

    /** Fillers that carry no meaning, so phrase patterns look through them ("we, like, went" reads "we went"). */
    public static final Set<String> TRANSPARENT = Set.of("um", "uh", "er", "erm", "uhm", "hmm", "mm", "ah", "like",
        "basically", "actually", "literally");

    /** Words that often open a spoken sentence or clause. */
    public static final Set<String> CLAUSE_OPENERS = Set.of("i", "we", "so", "then", "after", "once", "when", "while",
        "looking", "in", "within", "because", "but", "now", "what", "if", "before", "the", "my", "our", "she", "he",
        "they", "that", "this", "at", "it", "there", "and", "since", "next", "first", "finally", "overall",
        "ultimately", "as", "by", "most", "nobody", "no", "about", "a", "i'd", "i'll", "i've", "during", "over");

    /** Words that leave a sentence hanging: a pause after one is inside the sentence. */
    public static final Set<String> CONTINUES = Set.of("a", "an", "the", "to", "of", "and", "or", "with", "for",
        "in", "on", "at", "my", "our", "their", "his", "her", "is", "was", "were", "that", "which", "because", "so",
        "by", "from", "as", "than", "um", "uh", "i", "we", "they", "very", "really");

    public static boolean isCardinal(String w) {
        return CARDINALS.contains(w) || isDigits(w);
    }

    public static boolean isDigits(String w) {
        if (w.isEmpty()) {
            return false;
        }
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (!Character.isDigit(c) && c != '.' && c != ',' && c != '%' && c != '$') {
                return false;
            }
        }
        return Character.isDigit(w.charAt(0)) || w.charAt(0) == '$';
    }

    /** A past-tense verb form: the usual -ed ending or a common irregular one. */
    public static boolean isPastVerb(String w) {
        if (IRREGULAR_PAST.contains(w)) {
            return true;
        }
        return w.length() > 4 && w.endsWith("ed") && !w.endsWith("eed") && !NOT_PAST.contains(w);
    }

    /**
     * A verb in the present tense after "I" ("I watch", "I quarantine"): not past, not -ing, not a modal,
     * auxiliary or adverb. Habits told in the present belong to the reflection.
     */
    public static boolean isPresentVerb(String w) {
        return w.length() >= 3 && !isPastVerb(w) && !w.endsWith("ing") && !w.endsWith("ly") && !w.contains("'")
            && !NOT_PRESENT.contains(w) && !isCardinal(w);
    }

    private static final Set<String> NOT_PRESENT = Set.of("was", "had", "did", "also", "then", "just", "really",
        "still", "never", "always", "have", "would", "could", "should", "will", "can", "might", "must", "don't",
        "didn't", "wasn't", "hadn't", "couldn't", "wouldn't", "the", "and", "but", "too", "even", "only", "already",
        "first", "personally", "myself", "mean", "guess", "think", "suppose", "believe", "got", "for", "not",
        "pretty", "quickly", "immediately", "eventually", "finally", "basically", "kind", "sort", "once", "again",
        "ended", "went", "been", "gotten", "she", "him", "her", "they", "them", "who", "which", "that", "now", "back");

    private static final Set<String> NOT_PAST = Set.of("need", "speed", "indeed", "hundred", "embed", "shared",
        "red", "bed", "bred", "sacred", "naked", "wicked", "kindred", "limited", "detailed", "dedicated",
        "automated", "related", "interested", "experienced", "advanced", "based", "distributed", "supposed",
        "varied", "skilled", "tired", "expected", "unexpected", "unused", "unsupported", "hardcoded", "coded",
        "required", "focused", "scattered", "talented", "frustrated", "motivated", "complicated", "worried",
        "scared", "excited", "concerned", "discouraged", "stretched", "rushed", "sophisticated");

    /** A crude stem so that "tests", "tested" and "testing" compare equal. */
    public static String stem(String w) {
        String s = w.replace("'", "");
        for (String suffix : new String[] {"ations", "ation", "ings", "ing", "ies", "ied", "ers", "er", "ed", "es",
            "ly", "s"}) {
            if (s.length() - suffix.length() >= 4 && s.endsWith(suffix)) {
                String base = s.substring(0, s.length() - suffix.length());
                return suffix.equals("ies") || suffix.equals("ied") ? base + "y" : base;
            }
        }
        return s;
    }

    /** Function words and story-neutral words that say nothing specific about one story. */
    public static final Set<String> STOPWORDS = Set.of("a", "an", "the", "and", "or", "but", "so", "if", "then",
        "of", "to", "in", "on", "at", "for", "with", "by", "from", "into", "about", "as", "that", "this", "these",
        "those", "it", "its", "it's", "i", "i'd", "i'm", "i've", "i'll", "me", "my", "we", "our", "us", "they",
        "them", "their", "he", "she", "him", "her", "his", "you", "your", "is", "are", "was", "were", "be", "been",
        "being", "have", "has", "had", "do", "did", "does", "would", "could", "should", "will", "can", "might",
        "must", "what", "which", "who", "when", "where", "why", "how", "not", "no", "nobody", "never", "now",
        "there", "here", "just", "really", "very", "more", "most", "much", "many", "some", "any", "all", "each",
        "every", "one", "thing", "things", "way", "time", "lot", "also", "than", "too", "up", "out", "over", "down",
        "back", "after", "before", "again", "since", "because", "while", "even", "still", "only", "own", "same",
        "other", "another", "such", "learned", "learn", "lesson", "looking", "retrospect", "hindsight", "think",
        "thought", "realized", "important", "importance", "always", "better", "differently", "next", "stuck",
        "took", "away", "takeaway", "done", "make", "made", "get", "got", "go", "going", "went", "like",
        "um", "uh", "er", "know", "kind", "basically", "actually", "something", "someone", "people", "team",
        "i'd've", "that's", "there's", "wasn't", "didn't", "don't", "couldn't", "wouldn't", "earlier", "first",
        "well", "good", "great", "super", "pretty");
}
