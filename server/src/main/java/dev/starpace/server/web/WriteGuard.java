package dev.starpace.server.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Locale;
import java.util.Set;

/**
 * Lets only this app's own pages change anything. Any web page the user has open can make the browser send a
 * form or a no-cors fetch to 127.0.0.1 — text/plain, urlencoded or multipart, which need no CORS preflight — and
 * HostGuard does not stop it, since the request names this server as its Host. The browser does say who sent it:
 * {@code Origin} is the sending page's origin and {@code Sec-Fetch-Site} says whether it was this origin. So a write
 * from another origin or site is refused, and a write with a body must be JSON, which no form can send and
 * another page's script cannot send without a preflight this server never grants. Clients that are not browsers
 * (curl, scripts, tests) send neither header and are let in, as on the live socket.
 */
final class WriteGuard {
    private static final Set<HandlerType> WRITES = Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);

    private WriteGuard() {
    }

    /** Throws ApiException (403 or 415) for a write this server's own pages did not send; reads no body. */
    static void check(Context ctx) {
        if (!WRITES.contains(ctx.method())) {
            return;
        }
        String origin = ctx.header("Origin");
        if (origin != null && !ours(origin, ctx.header("Host"))) {
            throw new ApiException(403, "StarPace only takes changes from its own pages, not from " + Echo.of(origin) + ".");
        }
        String site = ctx.header("Sec-Fetch-Site");
        // same-site is another origin on the same site (another port of localhost): not this app either
        if (site != null && (site.equalsIgnoreCase("cross-site") || site.equalsIgnoreCase("same-site"))) {
            throw new ApiException(403, "StarPace only takes changes from its own pages, not from another site.");
        }
        if (hasBody(ctx) && !json(ctx.header("Content-Type"))) {
            throw new ApiException(415, "Send the request as JSON (Content-Type: application/json), not "
                + (ctx.header("Content-Type") == null ? "without a type" : Echo.of(ctx.header("Content-Type"))) + ".");
        }
    }

    /**
     * This server's own origin is the Host the request names (HostGuard has checked it is ours), over http, or
     * https when a TLS proxy serves it (docs/deployment.md): the same rule as the live socket's.
     */
    private static boolean ours(String origin, String host) {
        if (host == null) {
            return false;
        }
        String o = origin.trim().toLowerCase(Locale.ROOT);
        String h = host.trim().toLowerCase(Locale.ROOT);
        return o.equals("http://" + h) || o.equals("https://" + h);
    }

    /** A body is coming when its length is not zero, or it is chunked and so of a length not said. */
    private static boolean hasBody(Context ctx) {
        return ctx.contentLength() > 0 || ctx.header("Transfer-Encoding") != null;
    }

    private static boolean json(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String media = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
        return media.equalsIgnoreCase("application/json");
    }
}
