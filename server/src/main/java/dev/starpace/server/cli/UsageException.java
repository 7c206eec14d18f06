package dev.starpace.server.cli;

/** A command line that cannot run: the message is the one line the user sees. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
