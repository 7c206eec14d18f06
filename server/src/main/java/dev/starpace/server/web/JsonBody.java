package dev.starpace.server.web;

import dev.starpace.engine.transcript.AnswerLimits;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.io.ByteArrayInputStream;

/**
 * A request's JSON body, read no further than {@link #MAX_BYTES}. A larger one is told it is too large, naming
 * the limit, before it is read when it says its length, and as soon as it passes it when it does not (chunked).
 */
final class JsonBody {
    /**
     * The most a request may carry (Javalin's own limit, set to this). The largest body is a written answer: 64 KB of
     * text (AnswerLimits), at most six times that once escaped for JSON (a control character is written as six); 1 MB
     * holds it with room.
     */
    static final int MAX_BYTES = 1024 * 1024;

    private JsonBody() {
    }

    /** The body as a {@code type}; a 400 with {@code shape} (how to send it) when it is not that. */
    static <T> T read(Context ctx, Class<T> type, String shape) {
        if (ctx.contentLength() > MAX_BYTES) {
            throw tooLarge();
        }
        byte[] body;
        try {
            body = ctx.bodyAsBytes();
        } catch (HttpResponseException e) {
            if (e.getStatus() == HttpStatus.CONTENT_TOO_LARGE.getCode()) {
                throw tooLarge();
            }
            throw e;
        }
        try {
            return ctx.jsonMapper().fromJsonStream(new ByteArrayInputStream(body), type);
        } catch (Exception e) {
            // Javalin's Kotlin mapper hands Jackson's parse errors (checked IOExceptions) on undeclared
            throw new ApiException(400, shape);
        }
    }

    private static ApiException tooLarge() {
        return new ApiException(413, "The request is larger than " + AnswerLimits.size(MAX_BYTES) + ", the most StarPace reads.");
    }
}
