package dev.starpace.server.store;

import java.time.Instant;
import java.util.Optional;

/** The team tables through the attempt store's one connection: the same SQL on SQLite and PostgreSQL. */
final class JdbcTeamStore implements TeamStore {
    private final JdbcAttemptStore db;

    JdbcTeamStore(JdbcAttemptStore db) {
        this.db = db;
    }

    @Override
    public void savePerson(Person p) {
        db.update("INSERT INTO people (id, name, email, role, last_seen) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE"
            + " SET name = excluded.name, email = excluded.email, role = excluded.role, last_seen = excluded.last_seen",
            p.id(), p.name(), p.email(), p.role().id(), Instant.now().toString());
    }

    @Override
    public Optional<Person> person(String id) {
        return db.query("SELECT id, name, email, role FROM people WHERE id = ?",
            rs -> new Person(rs.getString(1), rs.getString(2), rs.getString(3), Role.of(rs.getString(4))), id).stream().findFirst();
    }

    @Override
    public void startSignIn(String tokenHash, String personId, String csrf, Instant expires) {
        db.update("INSERT INTO sign_ins (token_hash, person, csrf, expires_at) VALUES (?, ?, ?, ?)", tokenHash, personId, csrf,
            expires.toString());
    }

    @Override
    public Optional<SignIn> signIn(String tokenHash, Instant now) {
        return db.query("SELECT p.id, p.name, p.email, p.role, s.csrf, s.expires_at FROM sign_ins s JOIN people p ON p.id = s.person"
                + " WHERE s.token_hash = ?",
            rs -> new SignIn(new Person(rs.getString(1), rs.getString(2), rs.getString(3), Role.of(rs.getString(4))),
                rs.getString(5), Instant.parse(rs.getString(6))), tokenHash)
            .stream().filter(s -> s.expires().isAfter(now)).findFirst();
    }

    @Override
    public void endSignIn(String tokenHash) {
        db.update("DELETE FROM sign_ins WHERE token_hash = ?", tokenHash);
    }

    @Override
    public int endExpired(Instant now) {
        // ISO-8601 instants of one format sort as text, on both databases
        return db.update("DELETE FROM sign_ins WHERE expires_at < ?", now.toString());
    }
}
