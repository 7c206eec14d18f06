package dev.starpace.server.team;

/** Signing in did not work: one line for the person at the browser (the provider refused, or cannot be reached). */
public final class SignInException extends RuntimeException {
    public SignInException(String message) {
        super(message);
    }

    public SignInException(String message, Throwable cause) {
        super(message, cause);
    }
}
