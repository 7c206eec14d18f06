package dev.starpace.server.speech;

import java.nio.file.Path;
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
}
