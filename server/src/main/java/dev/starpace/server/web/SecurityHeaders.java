package dev.starpace.server.web;

import io.javalin.http.Context;
import java.util.Map;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The headers every response carries (the page's Content-Security-Policy, no sniffing, no referrer, no framing),
 * whoever writes it: Javalin's handlers, and Jetty's own error pages for a request it refused before any
 * handler saw it (a malformed request line 400, a URI too long 414, headers too large 431).
 */
final class SecurityHeaders {
    static final Map<String, String> ALL = Map.of(
        "Content-Security-Policy", StarPaceServer.CSP,
        "X-Content-Type-Options", "nosniff",
        "Referrer-Policy", "no-referrer",
        "X-Frame-Options", "DENY");

    private SecurityHeaders() {
    }

    static void on(Context ctx) {
        ALL.forEach(ctx::header);
    }

    /** Jetty's error pages, with the headers. */
    static final class OnErrorPages extends ErrorHandler {
        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            ALL.forEach(response.getHeaders()::put);
            return super.handle(request, response, callback);
        }
    }
}
