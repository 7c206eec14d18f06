package dev.starpace.server.team;

/** The team configuration cannot be used: one line that names the file and what is wrong in it. */
public final class TeamConfigException extends RuntimeException {
    public TeamConfigException(String message) {
        super(message);
    }
}
