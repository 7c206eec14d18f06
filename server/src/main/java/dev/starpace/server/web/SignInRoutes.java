package dev.starpace.server.web;

import dev.starpace.server.store.Person;
import dev.starpace.server.store.SignIn;
import dev.starpace.server.team.OidcClient;
import dev.starpace.server.team.RoleRules;
import dev.starpace.server.team.SignInException;
import dev.starpace.server.team.Sessions;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signing in and out through the organisation's provider (OidcClient), and {@code /api/me}: who is signed in, their
 * role, and the CSRF token the page sends with every change. The session cookie is HttpOnly and SameSite=Lax (Lax,
 * not Strict: the provider's redirect back is a navigation from its site, and the page it lands on must be signed in),
 * Secure when the public URL is https.
 */
final class SignInRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(SignInRoutes.class);
    private static final String PENDING = "starpace-sign-in";
    /** How long the provider may take to send the browser back. */
    private static final int PENDING_SECONDS = 600;

    private final OidcClient client;
    private final RoleRules roles;
    private final Sessions sessions;
    private final boolean secure;

    SignInRoutes(OidcClient client, RoleRules roles, Sessions sessions, boolean secure) {
        this.client = client;
        this.roles = roles;
        this.sessions = sessions;
        this.secure = secure;
    }

    /** Sends the browser to the provider, keeping the sign-in's state, nonce and PKCE verifier in a short cookie. */
    void signIn(Context ctx) {
        OidcClient.Pending pending = OidcClient.fresh();
        String to;
        try {
            to = client.begin(pending).toString();
        } catch (SignInException e) {
            LOG.warn("sign-in: {}", e.getMessage(), e);
            line(ctx, 503, "Signing in is not possible right now: " + e.getMessage() + ".");
            return;
        }
        ctx.cookie(cookie(PENDING, pending.cookie(), "/sign-in", PENDING_SECONDS));
        ctx.redirect(to, HttpStatus.FOUND);
    }

    /** The provider sent the browser back: checks it, keeps who signed in and begins their session. */
    void callback(Context ctx) {
        String error = ctx.queryParam("error");
        if (error != null) {
            line(ctx, 401, "The sign-in provider did not sign you in (" + Echo.of(error) + "). Open /sign-in to try again.");
            return;
        }
        OidcClient.Pending pending = OidcClient.Pending.of(ctx.cookie(PENDING));
        String code = ctx.queryParam("code");
        if (pending == null || code == null || !pending.state().equals(ctx.queryParam("state"))) {
            line(ctx, 400, "This sign-in was not started on this page or took too long. Open /sign-in to start again.");
            return;
        }
        OidcClient.Identity who;
        try {
            who = client.finish(pending, code);
        } catch (SignInException e) {
            LOG.warn("sign-in: {}", e.getMessage(), e);
            line(ctx, 502, "Signing in did not work: " + e.getMessage() + ". Open /sign-in to try again.");
            return;
        }
        Person person = new Person(who.subject(), who.name(), who.email(), roles.of(who.email(), who.groups()));
        Sessions.Started started = sessions.start(person);
        ctx.cookie(cookie(PENDING, "", "/sign-in", 0));
        ctx.cookie(cookie(Gate.COOKIE, started.token(), "/", (int) sessions.length().toSeconds()));
        LOG.info("{} signed in as {}", person.id(), person.role().id());
        ctx.redirect("/", HttpStatus.FOUND);
    }

    /** Ends the session here (the provider's own session is the provider's). */
    void signOut(Context ctx) {
        sessions.end(ctx.cookie(Gate.COOKIE));
        ctx.cookie(cookie(Gate.COOKIE, "", "/", 0));
        ctx.status(204);
    }

    /**
     * Who the request acts for, and the token the page must send with every change; {@code signedIn} is false where
     * nobody signs in (personal mode), and the page then shows nothing of team mode.
     */
    record Me(boolean signedIn, String id, String name, String email, String role, String csrf, String expires) {
    }

    static void me(Context ctx) {
        SignIn s = Gate.signIn(ctx);
        Person p = Gate.person(ctx);
        ctx.json(new Me(s != null, p.id(), p.name(), p.email(), p.role().id(), s == null ? null : s.csrf(),
            s == null ? null : s.expires().toString()));
    }

    private Cookie cookie(String name, String value, String path, int maxAge) {
        return new Cookie(name, value, path, maxAge, secure, true, null, SameSite.LAX);
    }

    private static void line(Context ctx, int status, String line) {
        ctx.status(status).contentType("text/plain; charset=utf-8").result(line + "\n");
    }

}
