package dev.starpace.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starpace.engine.probe.ProbeVerdict;
import dev.starpace.engine.transcript.Word;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The attempt database on real SQLite files: migrations, and one clear line for each way a database can be bad. */
class AttemptStoreTest {
    @TempDir
    Path dir;

    /** The schema as StarPace made it before migrations existed (user_version 0). */
    static final String[] BEFORE_VERSIONS = {"""
        CREATE TABLE attempts (id TEXT PRIMARY KEY, question_id TEXT NOT NULL, level TEXT NOT NULL, mode TEXT NOT NULL,
          started_at TEXT NOT NULL, status TEXT NOT NULL, duration_seconds REAL, score INTEGER, transcript TEXT)""", """
        CREATE TABLE audio_chunks (attempt_id TEXT NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
          seq INTEGER NOT NULL, pcm BLOB NOT NULL, PRIMARY KEY (attempt_id, seq))""",
        "INSERT INTO attempts VALUES ('old', 'dive-deep', 'sde2', 'practice', '2026-01-01T00:00:00Z', 'complete', 61.5, 70, NULL)",
        "INSERT INTO audio_chunks VALUES ('old', 0, x'00010002')"};

    /** The schema version now: the migrations in db/sqlite. */
    static final int LATEST = 12;

    /** The migration versions from {@code first} to the newest, as Flyway's history lists them. */
    private static List<String> migrations(int first) {
        return java.util.stream.IntStream.rangeClosed(first, LATEST).mapToObj(String::valueOf).toList();
    }

    /** Migration 2 as StarPace made it before Flyway. */
    static final String WORDS_AS_HEARD = """
        CREATE TABLE attempt_words (attempt_id TEXT NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
          seq INTEGER NOT NULL, word TEXT NOT NULL, start_seconds REAL NOT NULL, end_seconds REAL NOT NULL,
          PRIMARY KEY (attempt_id, seq))""";

    @Test
    void aDatabaseMadeBeforeVersionsIsMigratedAndKeepsItsAttempts() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        sql(data, BEFORE_VERSIONS);
        try (AttemptStore store = AttemptStore.open(data)) {
            List<Attempt> all = store.list(Attempt.LOCAL_OWNER, null);
            assertEquals(1, all.size());
            assertEquals(70, all.get(0).score());
            assertEquals(4, store.pcm("old").length);
            store.appendHeard("old", 1, new byte[] {5, 0}, 0, List.of(new Word("i", 0.1, 0.3), new Word("led", 0.3, 0.6, 0.42)));
            assertEquals(List.of("i", "led"), store.words("old").stream().map(Word::word).toList());
            assertEquals(0.42, store.words("old").get(1).conf(), 1e-9, "the recognizer's confidence is kept with the word");
            store.saveFollowUp("old", followUp(2, "I would ask the customer first"));
        }
        assertEquals(LATEST, userVersion(data));
        try (AttemptStore again = AttemptStore.open(data)) {
            assertEquals(2, again.words("old").size(), "a second open migrates nothing and loses nothing");
            assertEquals(List.of(2), again.get("old").orElseThrow().followUps().stream().map(FollowUp::probe).toList());
            again.delete("old");
            assertTrue(again.words("old").isEmpty() && again.pcm("old").length == 0, "words and audio go with their attempt");
            assertEquals(0, count(data, "follow_ups"), "follow-ups go with their attempt");
        }
    }

    /** A database of schema 2 (words kept as heard, before follow-ups were kept) gains follow-ups, keeps its words. */
    @Test
    void aDatabaseFromBeforeFollowUpsWereKeptIsMigrated() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        sql(data, BEFORE_VERSIONS);
        sql(data, WORDS_AS_HEARD, "INSERT INTO attempt_words VALUES ('old', 0, 'we', 0.0, 0.2)",
            "PRAGMA user_version = 2");
        try (AttemptStore store = AttemptStore.open(data)) {
            assertEquals(List.of("we"), store.words("old").stream().map(Word::word).toList());
            assertNull(store.get("old").orElseThrow().followUps(), "no follow-ups yet");
            store.saveFollowUp("old", followUp(1, "first try"));
            store.saveFollowUp("old", followUp(0, "another probe"));
            store.saveFollowUp("old", followUp(1, "second try"));
            List<FollowUp> kept = store.get("old").orElseThrow().followUps();
            assertEquals(List.of(0, 1), kept.stream().map(FollowUp::probe).toList(), "in the order last answered");
            assertEquals("second try", kept.get(1).answer(), "answering a probe again replaces it");
            assertEquals(ProbeVerdict.MIXED, kept.get(1).verdict().verdict());
        }
        assertEquals(LATEST, userVersion(data));
    }

    /**
     * The last schema before Flyway (user_version 4, follow-ups ordered by SQLite's rowid): baselined at 4 and migrated
     * to 5 without loss; its attempts are the local owner's, its follow-ups keep their order.
     */
    @Test
    void aDatabaseFromBeforeFlywayIsBaselinedAndMigratedWithoutLoss() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        sql(data, BEFORE_VERSIONS);
        sql(data, WORDS_AS_HEARD, """
            CREATE TABLE follow_ups (attempt_id TEXT NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
              probe INTEGER NOT NULL, answer TEXT NOT NULL, verdict TEXT NOT NULL, PRIMARY KEY (attempt_id, probe))""",
            "ALTER TABLE attempt_words ADD COLUMN conf REAL NOT NULL DEFAULT 1.0",
            "INSERT INTO attempt_words VALUES ('old', 0, 'i', 0.0, 0.2, 0.5)",
            "INSERT INTO follow_ups VALUES ('old', 2, 'answered first', '" + VERDICT + "')",
            "INSERT INTO follow_ups VALUES ('old', 0, 'answered second', '" + VERDICT + "')",
            "PRAGMA user_version = 4");
        try (AttemptStore store = AttemptStore.open(data)) {
            Attempt old = store.get("old").orElseThrow();
            assertEquals(Attempt.LOCAL_OWNER, old.owner(), "an attempt of personal mode is the local owner's");
            assertEquals(70, old.score());
            assertEquals(List.of(2, 0), old.followUps().stream().map(FollowUp::probe).toList(), "the order answered is kept");
            assertEquals(0.5, store.words("old").get(0).conf(), 1e-9);
            assertEquals(4, store.pcm("old").length);
            store.saveFollowUp("old", followUp(2, "answered again"));
            assertEquals(List.of(0, 2), store.get("old").orElseThrow().followUps().stream().map(FollowUp::probe).toList());
            assertEquals(List.of("old"), store.list(Attempt.LOCAL_OWNER, "dive-deep").stream().map(Attempt::id).toList());
        }
        assertEquals(LATEST, userVersion(data), "user_version follows, so a StarPace from before Flyway refuses the file");
        assertEquals(migrations(4), history(data), "baselined at the user_version it had, then every migration after it");
        try (AttemptStore again = AttemptStore.open(data)) {
            assertEquals(1, again.words("old").size(), "a second open migrates nothing and loses nothing");
        }
        assertEquals(migrations(4), history(data));
    }

    /** A new database is made by every migration in turn, and is then at the latest user_version too. */
    @Test
    void aNewDatabaseIsMadeByEveryMigration() throws Exception {
        Path data = dir.resolve("data");
        AttemptStore.open(data).close();
        assertEquals(migrations(1), history(data));
        assertEquals(LATEST, userVersion(data));
    }

    /** A newer StarPace that migrated further with Flyway; the check does not rest on user_version alone. */
    @Test
    void aDatabaseMigratedFurtherByANewerStarPaceIsRefused() throws Exception {
        Path data = dir.resolve("data");
        AttemptStore.open(data).close();
        sql(data, "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
            + " installed_by, execution_time, success) VALUES (99, '" + (LATEST + 1) + "', 'later', 'SQL', 'V99__later.sql', 1, '', 1, 1)");
        StorageException e = assertThrows(StorageException.class, () -> AttemptStore.open(data));
        assertTrue(e.getMessage().contains("written by a newer StarPace (schema " + (LATEST + 1) + ", this one knows " + LATEST + ")"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void aDatabaseFromANewerStarPaceIsRefused() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        sql(data, "PRAGMA user_version = 99");
        StorageException e = assertThrows(StorageException.class, () -> AttemptStore.open(data));
        assertTrue(e.getMessage().contains("written by a newer StarPace (schema 99"), e.getMessage());
    }

    @Test
    void eachBadDatabaseIsRefusedWithOneLine() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "not a folder");
        assertRefused(file, "is a file, not a folder");
        Path folderDb = Files.createDirectories(dir.resolve("folder-db").resolve("starpace.db"));
        assertRefused(folderDb.getParent(), "is a folder, not a file");
        Path garbage = Files.createDirectories(dir.resolve("garbage"));
        Files.write(garbage.resolve("starpace.db"), "this is not SQLite at all, just some text ".repeat(200).getBytes());
        assertRefused(garbage, "damaged or is not a StarPace database");
    }

    @Test
    void aDatabaseDamagedInTheMiddleIsRefusedAtStartNotLater() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        try (AttemptStore store = AttemptStore.open(data)) {
            for (int i = 0; i < 200; i++) {
                Attempt a = store.start(Attempt.LOCAL_OWNER, "dive-deep", "sde2", "practice");
                store.appendAudio(a.id(), 0, new byte[3000], 3000);
            }
        }
        Path db = data.resolve("starpace.db");
        long size = Files.size(db);
        assertTrue(size > 100 * 4096, "many pages: " + size);
        try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
            for (long page = 2; page < 12; page++) {
                f.seek(page * 4096);
                f.write("garbage!".repeat(512).getBytes());
            }
        }
        assertRefused(data, "is damaged");
    }

    @Test
    void aReadOnlyDatabaseIsRefusedAtStart() throws Exception {
        Path mount = Files.createDirectories(dir.resolve("ro"));
        if (!run("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", mount.toString())) {
            return; // cannot mount here: the full-disk fault test still covers a write that fails
        }
        try {
            AttemptStore.open(mount).close();
            assertTrue(run("mount", "-o", "remount,ro", mount.toString()));
            assertRefused(mount, "read-only");
        } finally {
            run("umount", mount.toString());
        }
    }

    private static boolean run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    private static void assertRefused(Path data, String says) {
        StorageException e = assertThrows(StorageException.class, () -> AttemptStore.open(data));
        assertTrue(e.getMessage().contains(says), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
        assertFalse(e.getMessage().contains("SQLITE") || e.getMessage().contains("Exception"), e.getMessage());
    }

    private static void sql(Path data, String... statements) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("starpace.db"));
             Statement s = db.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static FollowUp followUp(int probe, String answer) {
        return new FollowUp(probe, answer, new ProbeVerdict(probe, "What would you do differently?", ProbeVerdict.MIXED,
            List.of("names an action"), List.of("asked the customer"), List.of(), "I would ask first"));
    }

    private static int count(Path data, String table) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("starpace.db"));
             Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            return rs.getInt(1);
        }
    }

    private static final String VERDICT = "{\"probe\":0,\"question\":\"Why?\",\"verdict\":\"mixed\",\"reasons\":[],"
        + "\"sharedWithStrong\":[],\"sharedWithWeak\":[],\"keyLine\":\"\"}";

    private static List<String> history(Path data) throws Exception {
        List<String> versions = new java.util.ArrayList<>();
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("starpace.db"));
             Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("SELECT version FROM flyway_schema_history WHERE success = 1 ORDER BY installed_rank")) {
            while (rs.next()) {
                versions.add(rs.getString(1));
            }
        }
        return versions;
    }

    private static int userVersion(Path data) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("starpace.db"));
             Statement s = db.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            return rs.getInt(1);
        }
    }
}
