package dev.starpace.server.audio;

/** Audio that cannot be used: corrupt, empty, truncated, silent or in a format we cannot read. One line, says what to do. */
public class AudioException extends RuntimeException {
    public AudioException(String message) {
        super(message);
    }
}
