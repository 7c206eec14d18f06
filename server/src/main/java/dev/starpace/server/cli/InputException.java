package dev.starpace.server.cli;

/** An input the command cannot use (a missing, unreadable or malformed file): the message is the one line shown. */
final class InputException extends RuntimeException {
    InputException(String message) {
        super(message);
    }
}
