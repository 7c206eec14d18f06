package dev.starpace.server.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * Events to one browser, with a bound on what waits to be sent: a client that reads slowly loses partial-word
 * updates (the next one replaces them anyway), and one that stops reading is disconnected before the queue
 * can grow without bound.
 */
final class Outbox {
    /** Above this many unsent messages, partial words are skipped. */
    static final int SKIP_PARTIALS_ABOVE = 8;
    /** Above this many, the client is not reading: it is disconnected. */
    static final int MAX_PENDING = 256;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Session session;
    private final AtomicInteger pending = new AtomicInteger();

    Outbox(Session session) {
        this.session = session;
    }

    /** Sends an event unless it can be dropped for a slow client; returns false when the client had to go. */
    boolean send(LiveEvents.Event event, boolean droppable) {
        if (!session.isOpen()) {
            return false;
        }
        int waiting = pending.get();
        if (droppable && waiting > SKIP_PARTIALS_ABOVE) {
            return true;
        }
        if (waiting > MAX_PENDING) {
            session.close(1013, "client too slow: it stopped reading events", Callback.NOOP);
            return false;
        }
        String text;
        try {
            text = JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        pending.incrementAndGet();
        session.sendText(text, Callback.from(pending::decrementAndGet, failure -> pending.decrementAndGet()));
        return true;
    }

    /** Closes the socket with a close frame; Jetty may report the close at once, on this thread. */
    void close(int code, String reason) {
        session.close(code, reason, Callback.NOOP);
    }
}
