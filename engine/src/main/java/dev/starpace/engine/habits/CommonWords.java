package dev.starpace.engine.habits;

import dev.starpace.engine.text.Lexicon;
import java.util.Set;

/** Words every answer is full of, left out of "most used" so that what is left is what this answer leans on. */
final class CommonWords {
    private CommonWords() {
    }

    private static final Set<String> WORDS = Set.of("the", "and", "for", "that", "this", "with", "was", "were", "are",
        "you", "your", "our", "ours", "they", "them", "their", "then", "than", "there", "here", "what", "when", "where",
        "which", "who", "how", "why", "but", "not", "all", "any", "had", "has", "have", "did", "does", "been", "being",
        "from", "into", "onto", "out", "about", "over", "under", "after", "before", "again", "just", "very", "really",
        "also", "some", "more", "most", "much", "many", "one", "two", "can", "could", "would", "should", "will", "shall",
        "might", "must", "its", "it's", "i'm", "i've", "i'd", "i'll", "we're", "we've", "we'd", "don't", "didn't",
        "wasn't", "weren't", "it'd", "that's", "there's", "so", "because", "like", "know", "yeah", "okay", "well",
        "his", "her", "him", "she", "each", "other", "these", "those", "such", "only", "own", "same", "both", "until",
        "while", "through", "during", "off", "way", "get", "got", "let", "make", "made", "going", "gonna", "want",
        "sort", "kind", "thing", "things", "lot", "able", "said", "say", "see", "saw", "um", "uh", "er", "hmm",
        "basically", "actually", "right", "now", "maybe", "probably", "think", "guess");

    /** Also numbers as spoken ("zero point three percent"): a figure is content, but not a word one leans on. */
    static boolean is(String word) {
        return WORDS.contains(word) || Lexicon.CARDINALS.contains(word) || word.equals("point") || word.equals("percent");
    }
}
