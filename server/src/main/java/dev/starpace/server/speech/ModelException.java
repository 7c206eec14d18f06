package dev.starpace.server.speech;

/** No usable Vosk model: the message names the folder and what is missing. */
public final class ModelException extends RuntimeException {
    public ModelException(String message) {
        super(message);
    }
}
