package dev.starpace.server.web;

import dev.starpace.server.store.Person;
import io.javalin.websocket.WsBinaryMessageContext;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsConnectContext;
import io.javalin.websocket.WsMessageContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The live answer socket (docs/live-protocol.md): parses what arrives into {@link LiveMessage}s and hands each to the
 * socket's {@link LiveAnswer}, which alone decides what it means. A frame is handled on the socket's own thread as it
 * arrives, so a client sending faster than the server can hear is slowed by TCP rather than buffered (and not timed
 * out meanwhile: {@link IdleSockets}).
 */
final class AnswerSocket {
    private final LiveAnswer.Services services;
    private final IdleSockets idle;
    private final Map<String, LiveAnswer> answers = new ConcurrentHashMap<>();

    AnswerSocket(LiveAnswer.Services services, IdleSockets idle) {
        this.services = services;
        this.idle = idle;
    }

    void configure(WsConfig ws) {
        ws.onConnect(this::connect);
        ws.onMessage(this::text);
        ws.onBinaryMessage(this::binary);
        ws.onClose(ctx -> gone(ctx.sessionId()));
        ws.onError(ctx -> gone(ctx.sessionId()));
    }

    private void connect(WsConnectContext ctx) {
        // the person the upgrade request was signed in as (Gate), whose attempts this socket makes
        Person person = ctx.attribute(Gate.PERSON);
        LiveAnswer answer = new LiveAnswer(services.forOwner(person.id()), new Outbox(ctx.session));
        answers.put(ctx.sessionId(), answer);
        idle.opened(ctx.sessionId(), ctx.session);
        String origin = ctx.header("Origin");
        String host = ctx.header("Host");
        if (origin != null && !origin.equals("http://" + host) && !origin.equals("https://" + host)) {
            answer.submit(new LiveMessage.Refused(1008, "origin", "this socket only serves pages from " + host + ", not " + origin));
        }
    }

    private void text(WsMessageContext ctx) {
        LiveAnswer answer = answers.get(ctx.sessionId());
        if (answer != null) {
            idle.during(ctx.sessionId(), () -> answer.submit(LiveProtocol.text(ctx.message())));
        }
    }

    private void binary(WsBinaryMessageContext ctx) {
        long arrived = System.nanoTime();
        LiveAnswer answer = answers.get(ctx.sessionId());
        if (answer != null) {
            idle.during(ctx.sessionId(), () -> answer.submit(LiveProtocol.binary(ctx.data(), arrived)));
        }
    }

    /**
     * Ends every live answer, each kept as far as it was heard and its browser told why (1001), waiting up to
     * {@code patience} for them: what a graceful shutdown does before the server stops listening.
     */
    void shutdown(java.time.Duration patience) {
        List<CompletableFuture<Void>> ending = new ArrayList<>();
        for (LiveAnswer answer : answers.values()) {
            answer.submit(new LiveMessage.Shutdown());
            ending.add(answer.ended());
        }
        try {
            CompletableFuture.allOf(ending.toArray(CompletableFuture[]::new)).get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // an answer stuck in its recognizer: crash recovery scores it at the next start
        }
    }

    /** The socket closed, cleanly or not: the answer hears it once. */
    private void gone(String sessionId) {
        idle.closed(sessionId);
        LiveAnswer answer = answers.remove(sessionId);
        if (answer != null) {
            answer.submit(new LiveMessage.Gone());
        }
    }
}
