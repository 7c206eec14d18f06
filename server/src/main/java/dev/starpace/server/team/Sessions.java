package dev.starpace.server.team;

import dev.starpace.server.store.Person;
import dev.starpace.server.store.SignIn;
import dev.starpace.server.store.TeamStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Signed-in sessions that expire: a random token in the browser's cookie, its SHA-256 in the database with the person,
 * a second random token that every state-changing request must carry (the CSRF token), and an end time. Kept in the
 * team database, so that any instance on it knows the session.
 */
public final class Sessions {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A session just begun: the token for the cookie (never stored) and the session itself. */
    public record Started(String token, SignIn signIn) {
    }

    private final TeamStore store;
    private final Duration length;
    private final Clock clock;

    public Sessions(TeamStore store, Duration length, Clock clock) {
        this.store = store;
        this.length = length;
        this.clock = clock;
    }

    public Duration length() {
        return length;
    }

    /** Keeps the person as the provider now describes them and begins a session for them. */
    public Started start(Person person) {
        Instant now = clock.instant();
        store.endExpired(now);
        store.savePerson(person);
        String token = random();
        String csrf = random();
        Instant expires = now.plus(length).truncatedTo(ChronoUnit.SECONDS);
        store.startSignIn(hash(token), person.id(), csrf, expires);
        return new Started(token, new SignIn(person, csrf, expires));
    }

    /** The session whose cookie this is, unless it ended or expired. */
    public Optional<SignIn> find(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return store.signIn(hash(token), clock.instant());
    }

    public void end(String token) {
        if (token != null && !token.isBlank()) {
            store.endSignIn(hash(token));
        }
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
