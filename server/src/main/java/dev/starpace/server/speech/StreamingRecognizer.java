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

    private final Recognizer recognizer;
    private boolean closed;

    StreamingRecognizer(Model model) {
        try {
            recognizer = new Recognizer(model, Audio.SPEECH_RATE);
        } catch (java.io.IOException e) {
            throw new ModelException("cannot create a Vosk recognizer: " + e.getMessage());
        }
        recognizer.setMaxAlternatives(0);
        recognizer.setWords(true);
        recognizer.setPartialWords(true);
    }

    /**
     * Feeds little-endian 16-bit PCM; returns the words of the utterance this chunk closed, or none while it goes on.
     * The guess at the open utterance is not computed here: it costs a lattice pass, so callers ask for it
     * ({@link #partial()}) only as often as someone looks.
     */
    public List<Word> accept(byte[] pcm, int length) {
        return recognizer.acceptWaveForm(pcm, length) ? words(recognizer.getResult(), "result") : List.of();
    }

    /** Vosk's current guess at the words of the utterance in progress. */
    public List<Word> partial() {
        return words(recognizer.getPartialResult(), "partial_result");
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
