package dev.starpace.engine.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes text the way Vosk would hear it: lowercase words, no punctuation, numbers spelled out
 * ("0.3%" becomes "zero point three percent", "$8K" becomes "eight thousand dollars").
 * Card phrases and written answers go through it so they compare with recognised speech.
 */
public final class SpokenText {
    private static final String[] ONES = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
        "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
        "nineteen"};
    private static final String[] TENS = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
        "eighty", "ninety"};
    private static final String[] SCALES = {"", "thousand", "million", "billion", "trillion"};

    // A money or plain number token, with an optional magnitude suffix and percent sign.
    private static final Pattern NUMBER = Pattern.compile(
        "(\\$)?(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?([kKmMbB](?![a-zA-Z]))?(%)?");
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}$%.,']+");

    private SpokenText() {
    }

    /** The spoken words of a text, in order. */
    public static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        // hyphens, slashes and dashes separate spoken words ("home-goods", "A/B", "team - not mine")
        String spaced = text.replaceAll("[-/–—_+=:;!?()\\[\\]{}\"“”]", " ");
        Matcher tokens = TOKEN.matcher(spaced);
        while (tokens.find()) {
            addToken(tokens.group(), out);
        }
        return out;
    }

    /** The spoken form of a text as one string, words separated by single spaces. */
    public static String of(String text) {
        return String.join(" ", words(text));
    }

    private static void addToken(String raw, List<String> out) {
        String token = raw.replaceAll("^[.,']+|[.,']+$", "");
        if (token.isEmpty()) {
            return;
        }
        Matcher m = NUMBER.matcher(token);
        int last = 0;
        while (m.find()) {
            addLetters(token.substring(last, m.start()), out);
            addNumber(m, out);
            last = m.end();
        }
        addLetters(token.substring(last), out);
    }

    private static void addLetters(String part, List<String> out) {
        String clean = part.replaceAll("[^\\p{L}']", " ").trim().toLowerCase(Locale.ROOT);
        for (String w : clean.split("\\s+")) {
            String word = w.replaceAll("^'+|'+$", "");
            if (!word.isEmpty()) {
                out.add(word);
            }
        }
    }

    private static void addNumber(Matcher m, List<String> out) {
        boolean money = m.group(1) != null;
        String integer = m.group(2).replace(",", "");
        String fraction = m.group(3);
        String magnitude = m.group(4);
        boolean percent = m.group(5) != null;
        if (integer.length() > 15) {
            integer.chars().forEach(c -> out.add(ONES[c - '0']));
        } else {
            out.addAll(integerWords(Long.parseLong(integer)));
        }
        if (fraction != null) {
            out.add("point");
            fraction.substring(1).chars().forEach(c -> out.add(ONES[c - '0']));
        }
        if (magnitude != null) {
            out.add(switch (Character.toLowerCase(magnitude.charAt(0))) {
                case 'k' -> "thousand";
                case 'm' -> "million";
                default -> "billion";
            });
        }
        if (percent) {
            out.add("percent");
        }
        if (money) {
            out.add("dollars");
        }
    }

    /** "one hundred ten thousand" style, as Vosk's English models write numbers. */
    public static List<String> integerWords(long n) {
        List<String> out = new ArrayList<>();
        if (n == 0) {
            out.add("zero");
            return out;
        }
        List<List<String>> groups = new ArrayList<>();
        int scale = 0;
        while (n > 0) {
            int group = (int) (n % 1000);
            if (group > 0) {
                List<String> words = belowThousand(group);
                if (scale > 0) {
                    words.add(SCALES[scale]);
                }
                groups.add(0, words);
            }
            n /= 1000;
            scale++;
        }
        groups.forEach(out::addAll);
        return out;
    }

    private static List<String> belowThousand(int n) {
        List<String> out = new ArrayList<>();
        if (n >= 100) {
            out.add(ONES[n / 100]);
            out.add("hundred");
            n %= 100;
        }
        if (n >= 20) {
            out.add(TENS[n / 10]);
            if (n % 10 > 0) {
                out.add(ONES[n % 10]);
            }
        } else if (n > 0) {
            out.add(ONES[n]);
        }
        return out;
    }
}
