package dev.starpace.server.web;

import java.net.BindException;

/** The server cannot start: one line saying why (port taken, out of range, address not on this machine). */
public final class ServerException extends RuntimeException {
    public ServerException(String message) {
        super(message);
    }

    static ServerException cannotStart(String host, int port, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException b) {
                String why = b.getMessage() != null && b.getMessage().contains("in use")
                    ? "the port is in use by another program (try --port with another number)"
                    : "the address is not one of this machine's (check --host)";
                return new ServerException("cannot listen on " + host + ":" + port + ": " + why);
            }
        }
        return new ServerException("cannot listen on " + host + ":" + port + ": the server did not start");
    }
}
