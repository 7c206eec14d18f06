package dev.starpace.server.store;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;

/**
 * PostgreSQL's failures in plain words, by SQLSTATE class (PostgreSQL's manual, appendix A): a person reads "the
 * database server cannot be reached", not the driver's text.
 */
final class PostgresErrors {
    private PostgresErrors() {
    }

    static String reason(SQLException e) {
        String state = state(e);
        if (state == null) {
            return "the database failed";
        }
        if (state.startsWith("08") || state.startsWith("57P")) {
            return cause(e, UnknownHostException.class) ? "the database server's name is not known"
                : cause(e, SocketTimeoutException.class) ? "the database server did not answer in time"
                : cause(e, ConnectException.class) ? "the database server refuses connections (is it running, on that port?)"
                : "the database server cannot be reached";
        }
        if (state.startsWith("28")) {
            return "the database server refused the user name or password";
        }
        return switch (state) {
            case "3D000" -> "the database does not exist on that server";
            case "42501" -> "the database user may not do this (it must own the database: docs/teams.md)";
            case "53100" -> "the database server's disk is full";
            case "25006" -> "the database is read-only (a standby server?)";
            case "23503" -> "the attempt was deleted";
            case "55P03", "40001", "40P01" -> "the database is locked by another program";
            case "22021", "22P05" -> "the text could not be stored in the database's encoding";
            default -> state.startsWith("53") ? "the database server is out of resources" : "the database failed";
        };
    }

    /** A lock or a serialization conflict: the same write may succeed a moment later. */
    static boolean busy(SQLException e) {
        String state = state(e);
        return "55P03".equals(state) || "40001".equals(state) || "40P01".equals(state);
    }

    /** Whether the connection itself is gone (the server restarted, the network dropped): the next call reconnects. */
    static boolean lostConnection(SQLException e) {
        String state = state(e);
        return state != null && (state.startsWith("08") || state.startsWith("57P"));
    }

    private static String state(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            if (s.getSQLState() != null) {
                return s.getSQLState();
            }
        }
        return null;
    }

    private static boolean cause(Throwable e, Class<? extends Throwable> kind) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (kind.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
