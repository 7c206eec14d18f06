package dev.starpace.server.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The attempt database's schema as numbered migrations. SQLite's {@code PRAGMA user_version} holds the number of
 * migrations applied; opening a database applies the missing ones, each in its own transaction. Migrations are
 * only ever appended: a database made by any earlier StarPace opens and is brought up to date.
 */
final class Schema {
    /** Migration n (1-based) is MIGRATIONS.get(n - 1). */
    static final List<List<String>> MIGRATIONS = List.of(
        // 1: the schema before versions existed; IF NOT EXISTS so that such a database (user_version 0) passes
        List.of("""
            CREATE TABLE IF NOT EXISTS attempts (
              id TEXT PRIMARY KEY,
              question_id TEXT NOT NULL,
              level TEXT NOT NULL,
              mode TEXT NOT NULL,
              started_at TEXT NOT NULL,
              status TEXT NOT NULL,
              duration_seconds REAL,
              score INTEGER,
              transcript TEXT)""", """
            CREATE TABLE IF NOT EXISTS audio_chunks (
              attempt_id TEXT NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
              seq INTEGER NOT NULL,
              pcm BLOB NOT NULL,
              PRIMARY KEY (attempt_id, seq))"""),
        // 2: the words Vosk finalised, stored as they come so that a crash keeps them
        List.of("""
            CREATE TABLE attempt_words (
              attempt_id TEXT NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
              seq INTEGER NOT NULL,
              word TEXT NOT NULL,
              start_seconds REAL NOT NULL,
              end_seconds REAL NOT NULL,
              PRIMARY KEY (attempt_id, seq))"""),
        // 3: a mock interview's follow-up answers, one per probe, kept with the answer they followed
        List.of("""
            CREATE TABLE follow_ups (
              attempt_id TEXT NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
              probe INTEGER NOT NULL,
              answer TEXT NOT NULL,
              verdict TEXT NOT NULL,
              PRIMARY KEY (attempt_id, probe))"""),
        // 4: the recognizer's confidence in each word, so an answer scored from its stored words weighs unsure ones
        List.of("ALTER TABLE attempt_words ADD COLUMN conf REAL NOT NULL DEFAULT 1.0"));

    private Schema() {
    }

    static int version(Connection db) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** Applies the migrations the database lacks; refuses one made by a newer StarPace. */
    static void migrate(Connection db, String name) throws SQLException {
        int version = version(db);
        if (version > MIGRATIONS.size()) {
            throw new StorageException(name + " was written by a newer StarPace (schema " + version
                + ", this one knows " + MIGRATIONS.size() + "); upgrade StarPace to open it");
        }
        for (int v = version; v < MIGRATIONS.size(); v++) {
            AttemptStore.exec(db, "BEGIN IMMEDIATE");
            try {
                for (String sql : MIGRATIONS.get(v)) {
                    AttemptStore.exec(db, sql);
                }
                AttemptStore.exec(db, "PRAGMA user_version = " + (v + 1));
                AttemptStore.exec(db, "COMMIT");
            } catch (SQLException e) {
                AttemptStore.rollback(db);
                throw e;
            }
        }
    }
}
