package dev.starpace.engine.bank;

import java.util.Collection;

/** Asked for a question id that no loaded card has. */
public final class UnknownQuestionException extends RuntimeException {
    public UnknownQuestionException(String id, Collection<String> known) {
        super("unknown question '" + id + "'; known ids: " + String.join(", ", known));
    }
}
