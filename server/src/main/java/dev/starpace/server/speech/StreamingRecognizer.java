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
 *
 * <p>The guess is Vosk's best path as plain text, not its word-timed partial: that one comes from the determinised
 * lattice, which trails the audio, so a word showed 1.6 s after it was said (median on the spoken fixtures) against
 * 0.3 s for the text. A guessed word's times are therefore estimated; the final words bring Vosk's own.
 */
public final class StreamingRecognizer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Vosk's text guess trails the audio by about this much (seconds; median on the spoken fixtures). */
    static final double GUESS_LAG = 0.3;
    /** Each guessed word is given this long (seconds): speech at 200 words a minute. */
    static final double GUESSED_WORD_SECONDS = 0.3;

    private final Recognizer recognizer;
    private long samples;
    /** Where the last finalised word ended (seconds): guessed words come after it. */
    private double heardUntil;
    /** Start and end given to each word of the current guess, by place in the utterance. */
    private final List<double[]> placed = new ArrayList<>();
    private boolean closed;

    StreamingRecognizer(Model model) {
        try {
            recognizer = new Recognizer(model, Audio.SPEECH_RATE);
        } catch (java.io.IOException e) {
            throw new ModelException("cannot create a Vosk recognizer: " + e.getMessage());
        }
        recognizer.setMaxAlternatives(0);
        recognizer.setWords(true);
        recognizer.setPartialWords(false);
    }

    /**
     * Feeds little-endian 16-bit PCM; returns the words of the utterance this chunk closed, or none while it goes on.
     * The guess at the open utterance is not computed here: it costs a lattice pass, so callers ask for it
     * ({@link #partial()}) only as often as someone looks.
     */
    public List<Word> accept(byte[] pcm, int length) {
        open();
        samples += length / 2;
        return recognizer.acceptWaveForm(pcm, length) ? heard(recognizer.getResult()) : List.of();
    }

    /**
     * Vosk's current guess at the words of the utterance in progress, timed by estimate: a word keeps the times it was
     * given when it first showed; words new to this guess are spread at speaking pace up to just before the audio
     * heard, never before the words already placed. Their conf is 1.0 (Vosk gives none for a guess).
     */
    public List<Word> partial() {
        open();
        List<String> guess = new ArrayList<>();
        for (String token : field(recognizer.getPartialResult(), "partial").asText("").split(" ")) {
            if (!token.isBlank() && !token.equals("[unk]")) {
                guess.add(token);
            }
        }
        int kept = Math.min(placed.size(), guess.size());
        placed.subList(kept, placed.size()).clear();
        double after = kept == 0 ? heardUntil : placed.get(kept - 1)[1];
        double to = Math.max(after, (double) samples / Audio.SPEECH_RATE - GUESS_LAG);
        double from = Math.max(after, to - (guess.size() - kept) * GUESSED_WORD_SECONDS);
        double each = guess.size() == kept ? 0 : (to - from) / (guess.size() - kept);
        for (int i = kept; i < guess.size(); i++) {
            placed.add(new double[] {from + (i - kept) * each, from + (i - kept + 1) * each});
        }
        List<Word> out = new ArrayList<>(guess.size());
        for (int i = 0; i < guess.size(); i++) {
            out.add(new Word(guess.get(i), placed.get(i)[0], placed.get(i)[1]));
        }
        return out;
    }

    /** Closes the last utterance and returns its words. */
    public List<Word> finish() {
        open();
        return heard(recognizer.getFinalResult());
    }

    private List<Word> heard(String json) {
        List<Word> words = words(json, "result");
        placed.clear();
        if (!words.isEmpty()) {
            heardUntil = words.get(words.size() - 1).end();
        }
        return words;
    }

    private static JsonNode field(String json, String field) {
        try {
            return JSON.readTree(json).path(field);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Vosk returned malformed JSON: " + json, e);
        }
    }

    private static List<Word> words(String json, String field) {
        List<Word> out = new ArrayList<>();
        for (JsonNode w : field(json, field)) {
            String text = w.path("word").asText();
            // Vosk marks unknown audio as [unk]; it is not a word the speaker said
            if (!text.isEmpty() && !text.equals("[unk]")) {
                double start = w.path("start").asDouble();
                out.add(new Word(text, start, Math.max(start, w.path("end").asDouble()), w.path("conf").asDouble(1.0)));
            }
        }
        return out;
    }

    /** Vosk's native decoder is gone once closed: a call after that would read freed memory and kill the JVM. */
    private void open() {
        if (closed) {
            throw new IllegalStateException("the recognizer is closed");
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            recognizer.close();
        }
    }
}
