package dev.starpace.engine.transcript;

/** An answer past one of {@link AnswerLimits}: the message names the limit in one line. */
public final class AnswerTooLargeException extends RuntimeException {
    public AnswerTooLargeException(String message) {
        super(message);
    }
}
