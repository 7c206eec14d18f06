package dev.starpace.server.web;

import dev.starpace.server.store.Person;
import dev.starpace.server.store.SignIn;
import dev.starpace.server.team.Sessions;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.http.RedirectResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;

/**
 * Who a request acts for. In personal mode, and in team mode started with --insecure-no-sign-in, everyone is the one
 * owner; in team mode with sign-in, the person whose session cookie the request carries. An API request or the live
 * socket without a session gets 401 with one line, the page is sent to sign in, and every state-changing request must
 * carry the session's CSRF token in {@value #CSRF_HEADER} (the cookie is SameSite=Lax as well, and WriteGuard's Origin
 * checks still apply): a page on another site can make the browser send the cookie with a top-level form, never the
 * token, which only this origin's script can read from /api/me.
 */
final class Gate {
    static final String COOKIE = "starpace-session";
    static final String CSRF_HEADER = "X-StarPace-CSRF";
    static final String PERSON = "starpace.person";
    private static final Set<HandlerType> WRITES = Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);
    /** Reached before signing in: signing in itself, and the balancer's health check. */
    private static final Set<String> OPEN = Set.of("/sign-in", "/sign-in/callback", "/api/health");

    private final Sessions sessions;
    private final Person everyone;

    private Gate(Sessions sessions, Person everyone) {
        this.sessions = sessions;
        this.everyone = everyone;
    }

    /** Nobody signs in: every request is this person's. */
    static Gate open(Person everyone) {
        return new Gate(null, everyone);
    }

    static Gate signingIn(Sessions sessions) {
        return new Gate(sessions, null);
    }

    boolean signsIn() {
        return sessions != null;
    }

    /** Marks the request with its person, or refuses it (ApiException) or sends the page to sign in. */
    void check(Context ctx) {
        if (sessions == null) {
            ctx.attribute(PERSON, everyone);
            return;
        }
        String path = ctx.path();
        if (OPEN.contains(path)) {
            return;
        }
        Optional<SignIn> signIn = sessions.find(ctx.cookie(COOKIE));
        if (signIn.isEmpty()) {
            if (path.startsWith("/api/") || path.startsWith("/ws/")) {
                throw new ApiException(401, ctx.cookie(COOKIE) == null ? "Sign in first: open this StarPace's page and sign in."
                    : "Your sign-in has ended: open this StarPace's page and sign in again.");
            }
            if (path.equals("/") || path.endsWith(".html")) {
                ctx.header("Location", "/sign-in");
                throw new RedirectResponse(HttpStatus.FOUND);
            }
            return; // the page's scripts and styles: the same for everyone, and nothing of anyone's
        }
        if (WRITES.contains(ctx.method()) && !matches(ctx.header(CSRF_HEADER), signIn.get().csrf())) {
            throw new ApiException(403, "This change did not come from your StarPace page (its sign-in token is missing):"
                + " reload the page and try again.");
        }
        ctx.attribute(PERSON, signIn.get().person());
        ctx.attribute(SIGN_IN, signIn.get());
    }

    private static final String SIGN_IN = "starpace.signIn";

    /** The person the request acts for; set by {@link #check} on every route that needs one. */
    static Person person(Context ctx) {
        Person p = ctx.attribute(PERSON);
        if (p == null) {
            throw new ApiException(401, "Sign in first: open this StarPace's page and sign in.");
        }
        return p;
    }

    /** The request's session, or null when nobody signs in. */
    static SignIn signIn(Context ctx) {
        return ctx.attribute(SIGN_IN);
    }

    private static boolean matches(String given, String expected) {
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
