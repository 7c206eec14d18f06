package dev.starpace.server.store;

import static dev.starpace.server.store.AttemptStoreContract.assertOneLine;
import static dev.starpace.server.store.AttemptStoreContract.pcm;
import static dev.starpace.server.store.AttemptStoreContract.words;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starpace.engine.transcript.Word;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Team mode's store on a real PostgreSQL server: its schema, its failures in one line, a server that goes away. */
class PostgresAttemptStoreTest {
    /** The newest migration in db/postgresql. */
    static final int LATEST = 8;

    private static List<String> allMigrations() {
        return java.util.stream.IntStream.rangeClosed(1, LATEST).mapToObj(String::valueOf).toList();
    }

    @Test
    void aNewDatabaseIsMadeAndASecondOpenMigratesNothing() throws Exception {
        PostgresAttemptStore.Database db = PostgresCluster.shared().newDatabase();
        PostgresAttemptStore.open(db).close();
        assertEquals(allMigrations(), history(db));
        try (AttemptStore store = PostgresAttemptStore.open(db)) {
            assertNull(store.problem());
        }
        assertEquals(allMigrations(), history(db));
    }

    @Test
    void aDatabaseMigratedFurtherByANewerStarPaceIsRefused() throws Exception {
        PostgresAttemptStore.Database db = PostgresCluster.shared().newDatabase();
        PostgresAttemptStore.open(db).close();
        sql(db, "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
            + " installed_by, execution_time, success) VALUES (99, '" + (LATEST + 1) + "', 'later', 'SQL', 'V99__later.sql', 1, '', 1, true)");
        StorageException e = assertThrows(StorageException.class, () -> PostgresAttemptStore.open(db));
        assertEquals("the team database " + db.url() + " was written by a newer StarPace (schema " + (LATEST + 1) + ", this one knows " + LATEST + ");"
            + " upgrade StarPace to open it", e.getMessage());
    }

    @Test
    void aServerThatIsNotThereIsOneLine() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/starpace";
        StorageException e = assertThrows(StorageException.class,
            () -> PostgresAttemptStore.open(new PostgresAttemptStore.Database(url, "starpace", "secret")));
        assertEquals("cannot open the team database " + url + ": the database server refuses connections (is it running,"
            + " on that port?)", e.getMessage());
    }

    @Test
    void aDatabaseThatDoesNotExistIsOneLine() throws Exception {
        String url = PostgresCluster.shared().url("nosuchdb");
        StorageException e = assertThrows(StorageException.class,
            () -> PostgresAttemptStore.open(new PostgresAttemptStore.Database(url, "starpace", null)));
        assertEquals("cannot open the team database " + url + ": the database does not exist on that server", e.getMessage());
        assertOneLine(e);
    }

    @Test
    void aPasswordInTheUrlIsNeverInAMessage() throws Exception {
        String url = PostgresCluster.shared().url("nosuchdb") + "?password=hunter2";
        StorageException e = assertThrows(StorageException.class,
            () -> PostgresAttemptStore.open(new PostgresAttemptStore.Database(url, "starpace", "hunter3")));
        assertTrue(!e.getMessage().contains("hunter"), e.getMessage());
        assertTrue(!new PostgresAttemptStore.Database(url, "starpace", "hunter3").toString().contains("hunter"));
    }

    /**
     * The database server restarts under a running store: the writes meanwhile fail with one line, the health check
     * says so, and once the server is back the store connects again by itself and keeps answers again.
     */
    @Test
    void aServerRestartedUnderTheStoreIsConnectedToAgain() throws Exception {
        try (PostgresCluster own = PostgresCluster.start(); AttemptStore store = PostgresAttemptStore.open(own.newDatabase())) {
            Attempt a = store.start("ana", "dive-deep", "sde2", "practice");
            store.appendHeard(a.id(), 0, pcm(100, 1), 0, words("i"));
            own.stopServer();
            StorageException e = assertThrows(StorageException.class, () -> store.appendHeard(a.id(), 1, pcm(100, 2), 1, words("led")));
            assertTrue(e.getMessage().startsWith("cannot write to the attempt database: the database server"), e.getMessage());
            assertOneLine(e);
            assertNotNull(store.problem());
            own.startServer();
            assertNull(store.problem());
            store.appendHeard(a.id(), 1, pcm(100, 2), 1, words("led"));
            assertEquals(List.of("i", "led"), store.words(a.id()).stream().map(Word::word).toList());
        }
    }

    /** PostgreSQL lets only a database's owner create tables in it (15 and later): the migration says so in one line. */
    @Test
    void aUserWhoDoesNotOwnTheDatabaseIsToldItMust() throws Exception {
        PostgresAttemptStore.Database db = PostgresCluster.shared().newDatabase();
        sql(db, "CREATE ROLE visitor LOGIN");
        try {
            StorageException e = assertThrows(StorageException.class,
                () -> PostgresAttemptStore.open(new PostgresAttemptStore.Database(db.url(), "visitor", null)));
            assertEquals("cannot bring the team database " + db.url() + " up to date: the database user may not do this"
                + " (it must own the database: docs/teams.md)", e.getMessage());
        } finally {
            sql(db, "DROP ROLE visitor");
        }
    }

    /**
     * Several instances share one database: each finds only the attempts an instance that has ended left recording (its
     * lock is free), never a live one, and an attempt it claims is not recovered again by another.
     */
    @Test
    void severalInstancesShareTheDatabaseAndRecoverOnlyWhatAnEndedOneLeft() throws Exception {
        PostgresAttemptStore.Database db = PostgresCluster.shared().newDatabase();
        try (AttemptStore a = PostgresAttemptStore.open(db); AttemptStore b = PostgresAttemptStore.open(db)) {
            Attempt live = a.start("ana", "dive-deep", "sde2", "practice");
            a.appendHeard(live.id(), 0, new byte[3200], 0, List.of(new dev.starpace.engine.transcript.Word("i", 0, 0.3, 1)));
            assertEquals(List.of(), b.cutOff(), "a's answer is live: a holds its lock");
            assertEquals(List.of(), a.cutOff(), "an instance's own answers are live");
            AttemptStore c = PostgresAttemptStore.open(db);
            Attempt cut = c.start("bob", "dive-deep", "sde2", "practice");
            c.appendHeard(cut.id(), 0, new byte[3200], 0, List.of(new dev.starpace.engine.transcript.Word("we", 0, 0.3, 1)));
            c.close(); // its session ends, as a kill -9's does, with the answer still recording
            assertEquals(List.of(cut.id()), b.cutOff().stream().map(Attempt::id).toList(), "b finds what c left");
            assertEquals(List.of(), a.cutOff(), "claimed by b: not recovered twice");
            assertEquals(1, b.words(cut.id()).size(), "every word c stored is there");
        }
    }

    /** What a crash leaves: a store that never finished its attempt; the next store finds it recording, words and all. */
    @Test
    void anAttemptLeftRecordingIsFoundByTheNextStore() throws Exception {
        PostgresAttemptStore.Database db = PostgresCluster.shared().newDatabase();
        String id;
        AttemptStore first = PostgresAttemptStore.open(db);
        id = first.start("ana", "dive-deep", "sde2", "practice").id();
        first.appendHeard(id, 0, pcm(3200, 1), 0, words("i", "led"));
        first.close();
        try (AttemptStore next = PostgresAttemptStore.open(db)) {
            assertEquals(List.of(id), next.recording().stream().map(Attempt::id).toList());
            assertEquals(2, next.words(id).size());
            assertEquals(3200, next.pcm(id).length);
        }
    }

    private static List<String> history(PostgresAttemptStore.Database db) throws Exception {
        List<String> versions = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank")) {
            while (rs.next()) {
                versions.add(rs.getString(1));
            }
        }
        return versions;
    }

    private static void sql(PostgresAttemptStore.Database db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password()); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
