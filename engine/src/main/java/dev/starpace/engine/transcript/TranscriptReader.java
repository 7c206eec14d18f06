package dev.starpace.engine.transcript;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.starpace.engine.json.JsonProblem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads timed words from JSON in the shapes Vosk and StarPace use: {@code {"words": [...]}}, one Vosk
 * result object {@code {"result": [...], "text": "..."}}, or a list of Vosk result objects (one per
 * utterance). Each word has {@code word}, {@code start}, {@code end} (seconds) and optional {@code conf}.
 */
public final class TranscriptReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TranscriptReader() {
    }

    public static List<Word> read(String json) {
        JsonNode root = parse(json);
        if (root == null || root.isMissingNode()) {
            throw new TranscriptException("empty input: expected {\"words\": [...]} or Vosk results");
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
            try {
                out.add(new Word(w.get("word").asText().toLowerCase(), w.get("start").asDouble(), w.get("end").asDouble(), conf));
            } catch (IllegalArgumentException e) {
                throw new TranscriptException(at + ": " + e.getMessage());
            }
        }
    }
}
