package dev.starpace.server.web;

/** A request the API refuses: the HTTP status and a message, sent as {"error": message}. */
final class ApiException extends RuntimeException {
    private final int status;

    ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
