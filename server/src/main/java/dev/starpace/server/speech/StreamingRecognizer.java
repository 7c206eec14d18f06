package dev.starpace.server.speech;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.starpace.engine.transcript.Word;
import dev.starpace.server.audio.Audio;
import java.util.ArrayList;
import java.util.List;
import org.vosk.Model;
import org.vosk.Recognizer;

/**
 * One stream of 16 kHz 16-bit mono PCM into Vosk, out as timed words: partial words while someone speaks,
 * final words when Vosk closes an utterance. Vosk times words from the start of the stream, so times run on
 * across utterances. Not thread-safe: one recognizer per stream.
 */
public final class StreamingRecognizer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What one chunk of audio changed: words Vosk has finalised, and its current guess at the rest. */
    public record Update(List<Word> finals, List<Word> partial) {
    }

    private final Recognizer recognizer;
    private boolean closed;

    StreamingRecognizer(Model model) {
        try {
            recognizer = new Recognizer(model, Audio.SPEECH_RATE);
        } catch (java.io.IOException e) {
            throw new ModelException("cannot create a Vosk recognizer: " + e.getMessage());
        }
        recognizer.setWords(true);
        recognizer.setPartialWords(true);
    }

    /** Feeds little-endian 16-bit PCM. */
    public Update accept(byte[] pcm, int length) {
        if (recognizer.acceptWaveForm(pcm, length)) {
            return new Update(words(recognizer.getResult(), "result"), List.of());
        }
        return new Update(List.of(), words(recognizer.getPartialResult(), "partial_result"));
    }

    /** Closes the last utterance and returns its words. */
    public List<Word> finish() {
        return words(recognizer.getFinalResult(), "result");
    }

    private static List<Word> words(String json, String field) {
        List<Word> out = new ArrayList<>();
        try {
            JsonNode node = JSON.readTree(json).path(field);
            for (JsonNode w : node) {
                String text = w.path("word").asText();
                // Vosk marks unknown audio as [unk]; it is not a word the speaker said
                if (!text.isEmpty() && !text.equals("[unk]")) {
                    double start = w.path("start").asDouble();
                    out.add(new Word(text, start, Math.max(start, w.path("end").asDouble()), w.path("conf").asDouble(1.0)));
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Vosk returned malformed JSON: " + json, e);
        }
        return out;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            recognizer.close();
        }
    }
}
