package dev.starpace.server.speech;

/** Audio in which the recognizer heard no words. */
public final class NoSpeechException extends RuntimeException {
    public NoSpeechException(String message) {
        super(message);
    }
}
