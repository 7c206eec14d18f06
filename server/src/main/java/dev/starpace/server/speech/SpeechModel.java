package dev.starpace.server.speech;

import dev.starpace.engine.transcript.Word;
import dev.starpace.server.audio.Audio;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import org.vosk.LibVosk;
import org.vosk.LogLevel;
import org.vosk.Model;

/**
 * A loaded Vosk model. Loading takes seconds and tens of megabytes, so a process loads each model once and
 * shares it: every recognizer, on any thread, uses the same one.
 */
public final class SpeechModel {
    private static final Map<Path, SpeechModel> LOADED = new ConcurrentHashMap<>();

    private final Path dir;
    private final Model model;

    private SpeechModel(Path dir) {
        this.dir = dir;
        LibVosk.setLogLevel(LogLevel.WARNINGS);
        try {
            this.model = new Model(dir.toString());
        } catch (java.io.IOException e) {
            throw new ModelException("cannot load the Vosk model in " + dir + ": " + e.getMessage());
        }
    }

    /** The model in this folder, loaded on first use. */
    public static SpeechModel at(Path dir) {
        Path key = ModelLocator.check(dir).toAbsolutePath().normalize();
        return LOADED.computeIfAbsent(key, SpeechModel::new);
    }

    /** The model StarPace finds with no configuration, or the one named. */
    public static SpeechModel find(String explicit) {
        return at(ModelLocator.find(explicit));
    }

    public Path dir() {
        return dir;
    }

    /** A recognizer for one stream of 16 kHz speech. */
    public StreamingRecognizer recognizer() {
        return new StreamingRecognizer(model);
    }

    /**
     * The words of a stretch of 16 kHz mono PCM16 from {@code fromByte} on, timed as in the whole recording (a crash
     * can leave audio stored after the last phrase whose words were).
     */
    public List<Word> words(byte[] pcm, int fromByte) {
        double offset = fromByte / 2.0 / Audio.SPEECH_RATE;
        List<Word> out = new ArrayList<>();
        try (StreamingRecognizer recognizer = recognizer()) {
            for (int at = fromByte; at < pcm.length; at += CHUNK_BYTES) {
                int n = Math.min(CHUNK_BYTES, pcm.length - at);
                out.addAll(recognizer.accept(Arrays.copyOfRange(pcm, at, at + n), n));
            }
            out.addAll(recognizer.finish());
        }
        return out.stream().map(w -> new Word(w.word(), w.start() + offset, w.end() + offset, w.conf())).toList();
    }

    /** A quarter of a second: what batch analysis feeds the recognizer at a time. */
    static final int CHUNK_BYTES = Audio.SPEECH_RATE / 4 * 2;
}
