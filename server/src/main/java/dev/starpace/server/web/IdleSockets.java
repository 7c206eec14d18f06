package dev.starpace.server.web;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * Closes a live socket whose client has sent nothing for the idle timeout, and never one the server is still working
 * on (issue 8, item 4). Jetty's own idle timer cannot tell the two apart: it closes (1001) a socket on which nothing
 * was read or written for its timeout, and a socket's thread reads nothing while it works on a message — the first
 * answer loading the sentence encoder, Vosk on a starved core, a database write waiting on another program's lock —
 * so a server stalled that long dropped a client that was sending all along. Jetty's timer is therefore off for the
 * live socket, and this one counts the client's silence only while the server waits for it.
 */
final class IdleSockets implements AutoCloseable {
    private final long idleNanos;
    private final String reason;
    private final Map<String, Watched> sockets = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "live-socket-idle");
        t.setDaemon(true);
        return t;
    });

    /** One socket: when the server last finished with a message of it, and whether it is working on one now. */
    private static final class Watched {
        final Session session;
        volatile long lastNanos = System.nanoTime();
        volatile boolean working;
        volatile boolean closing;

        Watched(Session session) {
            this.session = session;
        }
    }

    IdleSockets(Duration idle) {
        this.idleNanos = idle.toNanos();
        this.reason = "idle: nothing sent for " + idle.toSeconds() + " s";
        long every = Math.max(50, idle.toMillis() / 4);
        timer.scheduleWithFixedDelay(this::check, every, every, TimeUnit.MILLISECONDS);
    }

    void opened(String id, Session session) {
        sockets.put(id, new Watched(session));
    }

    void closed(String id) {
        sockets.remove(id);
    }

    /** Runs the work of one message of this socket; its idle time counts from when the work ends. */
    void during(String id, Runnable work) {
        Watched w = sockets.get(id);
        if (w != null) {
            w.working = true;
        }
        try {
            work.run();
        } finally {
            if (w != null) {
                w.lastNanos = System.nanoTime();
                w.working = false;
            }
        }
    }

    private void check() {
        long now = System.nanoTime();
        sockets.forEach((id, w) -> {
            if (!w.session.isOpen()) {
                sockets.remove(id);
            } else if (w.closing) {
                // the client did not answer the close either: it is gone
                w.session.disconnect();
                sockets.remove(id);
            } else if (!w.working && now - w.lastNanos > idleNanos) {
                w.closing = true;
                w.session.close(1001, reason, Callback.NOOP);
            }
        });
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
