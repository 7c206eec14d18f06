package dev.starpace.engine.text;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.codec.language.DoubleMetaphone;

/**
 * Whether a heard word may be a slip for an expected one: the recognizer writing a word that sounds like the one
 * said ("tasked" heard as "task", "team's" as "teams"). Two words are near when they start alike, their Double
 * Metaphone keys are equal and their spellings are at most {@value #MAX_LETTER_EDITS} letters apart; a word the
 * recognizer was unsure of is near on sound alone, its keys at most one sound apart (a sound changed, added, dropped,
 * or two swapped: "taxed" TKST for "tasked" TSKT). Short words are never near
 * anything else: "my", "me" and "i" sound alike but say different things. The spelling bound is what keeps clean
 * answers clean: on sound alone "added" and "without" are near "waited".
 */
public final class NearMiss {
    /** Words shorter than this never slip. */
    static final int MIN_LETTERS = 4;
    /** Letters a sure word may differ by from the expected one. */
    static final int MAX_LETTER_EDITS = 2;

    private static final DoubleMetaphone METAPHONE = new DoubleMetaphone();
    private static final Map<String, String[]> KEYS = new ConcurrentHashMap<>();

    private NearMiss() {
    }

    /** Whether {@code heard} may be a slip for {@code expected} (never for the word itself). */
    public static boolean near(String heard, String expected, boolean unsure) {
        if (heard.equals(expected) || heard.length() < MIN_LETTERS || expected.length() < MIN_LETTERS) {
            return false;
        }
        if (!unsure && (heard.charAt(0) != expected.charAt(0) || edits(heard, expected) > MAX_LETTER_EDITS)) {
            return false;
        }
        for (String x : keys(heard)) {
            for (String y : keys(expected)) {
                if (x.equals(y) || unsure && edits(x, y) <= 1) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String[] keys(String word) {
        return KEYS.computeIfAbsent(word, w -> {
            String primary = METAPHONE.doubleMetaphone(w);
            String alternate = METAPHONE.doubleMetaphone(w, true);
            return primary.equals(alternate) ? new String[] {primary} : new String[] {primary, alternate};
        });
    }

    /** Edits between two strings: a character changed, added, dropped, or two neighbours swapped. */
    static int edits(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            for (int j = 0; j <= b.length(); j++) {
                if (i == 0 || j == 0) {
                    d[i][j] = i + j;
                    continue;
                }
                int change = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + change);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
