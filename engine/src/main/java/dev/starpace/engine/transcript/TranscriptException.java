package dev.starpace.engine.transcript;

/** Input that is not a usable timed transcript; the message says what is wrong in one line. */
public final class TranscriptException extends RuntimeException {
    public TranscriptException(String message) {
        super(message);
    }
}
