package dev.starpace.engine.transcript;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.starpace.engine.json.JsonProblem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads timed words from JSON in the shapes Vosk and StarPace use: {@code {"words": [...]}}, one Vosk
 * result object {@code {"result": [...], "text": "..."}}, or a list of Vosk result objects (one per
 * utterance). Each word has {@code word}, {@code start}, {@code end} (seconds) and optional {@code conf}.
 */
public final class TranscriptReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TranscriptReader() {
    }

    /**
     * The words of a transcript; {@link AnswerTooLargeException} past {@link AnswerLimits#TRANSCRIPT_WORDS}. The
     * caller bounds the text to {@link AnswerLimits#TRANSCRIPT_BYTES}.
     */
    public static List<Word> read(String json) {
        JsonNode root = parse(json);
        if (root == null || root.isMissingNode()) {
            throw new TranscriptException("empty input: expected {\"words\": [...]} or Vosk results");
        }
        int count = count(root);
        if (count > AnswerLimits.TRANSCRIPT_WORDS) {
            throw AnswerLimits.tooManyWords(count, AnswerLimits.TRANSCRIPT_WORDS, AnswerLimits.TRANSCRIPT);
        }
        List<Word> words = new ArrayList<>();
        if (root.isArray()) {
            for (int i = 0; i < root.size(); i++) {
                addResult(root.get(i), "[" + i + "]", words);
            }
        } else if (root.has("words")) {
            addWords(root.get("words"), "words", words);
        } else if (root.has("result") || root.has("text")) {
            addResult(root, "", words);
        } else {
            throw new TranscriptException("no words: expected {\"words\": [...]}, a Vosk result {\"result\": [...]}"
                + " or a list of Vosk results");
        }
        if (words.isEmpty()) {
            throw new TranscriptException("no words in the transcript");
        }
        for (int i = 1; i < words.size(); i++) {
            if (words.get(i).start() < words.get(i - 1).start()) {
                throw new TranscriptException("words out of time order at word " + i + " ('" + words.get(i).word()
                    + "' starts at " + words.get(i).start() + "s, before the word ahead of it)");
            }
        }
        return words;
    }

    private static JsonNode parse(String json) {
        try (JsonParser parser = JSON.createParser(json)) {
            try {
                JsonNode root = JSON.readTree(parser);
                if (root != null && parser.nextToken() != null) {
                    throw new TranscriptException("not JSON: " + JsonProblem.trailing(parser));
                }
                return root;
            } catch (JsonProcessingException e) {
                throw new TranscriptException("not JSON: " + JsonProblem.describe(e, parser));
            }
        } catch (IOException e) {
            throw new TranscriptException("not JSON: " + e.getMessage());
        }
    }

    /** The words the transcript holds, counted before any is made. */
    private static int count(JsonNode root) {
        if (root.isArray()) {
            int n = 0;
            for (JsonNode result : root) {
                n += result.path("result").size();
            }
            return n;
        }
        return root.has("words") ? root.get("words").size() : root.path("result").size();
    }

    private static void addResult(JsonNode result, String where, List<Word> out) {
        if (!result.isObject()) {
            throw new TranscriptException(where + ": expected a Vosk result object");
        }
        JsonNode words = result.get("result");
        if (words == null) {
            // Vosk leaves "result" out of an utterance with no words
            return;
        }
        addWords(words, where.isEmpty() ? "result" : where + ".result", out);
    }

    private static void addWords(JsonNode array, String where, List<Word> out) {
        if (!array.isArray()) {
            throw new TranscriptException(where + ": expected a list of words");
        }
        for (int i = 0; i < array.size(); i++) {
            JsonNode w = array.get(i);
            String at = where + "[" + i + "]";
            if (!w.isObject() || !w.path("word").isTextual() || !w.path("start").isNumber() || !w.path("end").isNumber()) {
                throw new TranscriptException(at + ": a word needs \"word\" (text), \"start\" and \"end\" (seconds)");
            }
            double conf = w.path("conf").isNumber() ? w.get("conf").asDouble() : 1.0;
            if (!(conf >= 0 && conf <= 1)) {
                // Vosk's confidence is a probability; anything else would be shown and weighed as if it were one
                throw new TranscriptException(at + ".conf: a confidence is between 0 and 1, not " + w.get("conf").asText());
            }
            double start = time(w.get("start"), at + ".start");
            double end = time(w.get("end"), at + ".end");
            try {
                out.add(new Word(w.get("word").asText().toLowerCase(), start, end, conf));
            } catch (IllegalArgumentException e) {
                throw new TranscriptException(at + ": " + e.getMessage());
            }
        }
    }

    /** Seconds from the start of the answer, refused when not a real time: 1e400 reads as infinite, 1e300 is centuries. */
    private static double time(JsonNode value, String at) {
        double seconds = value.asDouble();
        String longest = "the longest answer StarPace reads, 4 hours (" + String.format(Locale.ROOT, "%,d", (long) AnswerLimits.MAX_SECONDS) + " s)";
        if (!Double.isFinite(seconds)) {
            throw new TranscriptException(at + ": a number too large to be a time; " + longest);
        }
        if (seconds > AnswerLimits.MAX_SECONDS) {
            throw new TranscriptException(at + ": " + value.asText() + " s is longer than " + longest);
        }
        return seconds;
    }
}
