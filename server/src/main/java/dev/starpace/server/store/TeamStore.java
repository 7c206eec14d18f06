package dev.starpace.server.store;

import java.time.Instant;
import java.util.Optional;

/**
 * Team mode's people and sessions, kept in the same database as the attempts (both stores, one schema), so that any
 * instance on the database knows who is signed in. Every failure is a {@link StorageException} with one line.
 */
public interface TeamStore {
    /** Adds the person, or updates their name, e-mail and role as the identity provider now says them. */
    void savePerson(Person person);

    Optional<Person> person(String id);

    /** Keeps a new session, found later by the hash of its token (never the token itself). */
    void startSignIn(String tokenHash, String personId, String csrf, Instant expires);

    /** The session, unless it has ended or expired by {@code now}. */
    Optional<SignIn> signIn(String tokenHash, Instant now);

    /** Ends the session (signing out); nothing when it has already ended. */
    void endSignIn(String tokenHash);

    /** Forgets every session expired by {@code now}; how many there were. */
    int endExpired(Instant now);
}
