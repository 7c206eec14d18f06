package dev.starpace.server.store;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Team mode's store: a PostgreSQL database that the organisation runs. The same tables and promises as the SQLite
 * store: a phrase's words with their audio in one transaction, attempts left recording found at the next start.
 * One connection, serialised like SQLite's; when the server goes away (a restart, a dropped network) the failed call
 * reports it in one line and the next call connects again, so answers are kept again once the server is back.
 *
 * <p>Several StarPace instances may share the database. Each has an id of its own, written on every attempt it starts,
 * and holds a PostgreSQL advisory lock keyed by it for as long as its connection lives. An attempt left
 * {@code recording} by an instance whose lock is free was cut off by that instance's end (a crash, a kill -9, a lost
 * machine); {@link #cutOff()} finds those, and claims each for this instance in one update so that two survivors
 * never recover the same attempt twice.
 */
public final class PostgresAttemptStore extends JdbcAttemptStore {
    /** Where the database is and who StarPace is to it. The password may be null (peer or certificate sign-in). */
    public record Database(String url, String user, String password) {
        /** The URL without parameters (which may carry a password): what a message may name. */
        public String where() {
            int q = url.indexOf('?');
            return q < 0 ? url : url.substring(0, q);
        }

        /** Never the password: a record's own toString would print it into a log. */
        @Override
        public String toString() {
            return "Database[" + where() + ", user " + user + "]";
        }
    }

    private final Database database;
    private final String instance;
    private Connection db;

    private PostgresAttemptStore(Database database, String instance, Connection db) {
        this.database = database;
        this.instance = instance;
        this.db = db;
    }

    /** Connects, and makes the schema or brings it up to date; one line when the database cannot be used. */
    public static PostgresAttemptStore open(Database database) {
        String name = "the team database " + database.where();
        Connection db;
        try {
            db = connect(database);
        } catch (SQLException e) {
            throw StorageException.of("cannot open " + name, e);
        }
        String instance = UUID.randomUUID().toString();
        try {
            lock(db, database, instance);
            Migrations.postgresql(new Source(database), name);
            return new PostgresAttemptStore(database, instance, db);
        } catch (RuntimeException e) {
            closeQuietly(db);
            throw e;
        }
    }

    /** How long a start waits for the lock: a StarPace stopped or killed a moment ago, its session not yet ended. */
    private static final long LOCK_PATIENCE_MILLIS = 5_000;

    /** The advisory lock key of an instance: the first half of its id. */
    private static long key(String instance) {
        try {
            return UUID.fromString(instance).getMostSignificantBits();
        } catch (IllegalArgumentException e) {
            return instance.hashCode();
        }
    }

    /**
     * Takes this instance's lock for the connection's life: while it is held, no other instance takes this one's attempts
     * for cut off. After a lost connection the old session may hold it a moment longer, so a reconnect tries for a few
     * seconds.
     */
    private static void lock(Connection db, Database database, String instance) {
        long deadline = System.currentTimeMillis() + LOCK_PATIENCE_MILLIS;
        try (PreparedStatement st = db.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            st.setLong(1, key(instance));
            while (true) {
                try (ResultSet rs = st.executeQuery()) {
                    if (rs.next() && rs.getBoolean(1)) {
                        return;
                    }
                }
                if (System.currentTimeMillis() >= deadline) {
                    break;
                }
                Thread.sleep(250);
            }
        } catch (SQLException e) {
            throw StorageException.of("cannot open the team database " + database.where(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new StorageException("cannot take this StarPace's lock in the team database " + database.where()
            + ": its previous connection still holds it; try again in a moment");
    }

    /** Gives the lock back at once, rather than when PostgreSQL notices the closed connection's session end. */
    private static void unlock(Connection db, String instance) {
        try (PreparedStatement st = db.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            st.setLong(1, key(instance));
            st.execute();
        } catch (SQLException e) {
            // the connection is gone, and the lock with its session
        }
    }

    private static Connection connect(Database database) throws SQLException {
        if (!database.url().startsWith("jdbc:postgresql:")) {
            throw new StorageException("the team database URL must start with jdbc:postgresql://, not " + database.where());
        }
        Properties p = new Properties();
        if (database.user() != null) {
            p.setProperty("user", database.user());
        }
        if (database.password() != null) {
            p.setProperty("password", database.password());
        }
        p.setProperty("ApplicationName", "StarPace");
        // a server that stops answering must fail a write within a bounded time, not hold a live answer's thread
        p.setProperty("connectTimeout", "10");
        p.setProperty("socketTimeout", "60");
        p.setProperty("tcpKeepAlive", "true");
        return DriverManager.getConnection(database.url(), p);
    }

    @Override
    protected synchronized Connection connection() throws SQLException {
        if (db == null || db.isClosed()) {
            closeQuietly(db);
            db = null;
            Connection fresh = connect(database);
            try {
                lock(fresh, database, instance); // the lock went with the old connection
            } catch (StorageException e) {
                closeQuietly(fresh);
                throw e;
            }
            db = fresh;
        }
        return db;
    }

    @Override
    protected String begin() {
        return "BEGIN";
    }

    /** A lost connection is dropped here, so the next call connects again. */
    @Override
    protected synchronized StorageException failure(String what, SQLException e) {
        if (PostgresErrors.lostConnection(e)) {
            closeQuietly(db);
            db = null;
        }
        return StorageException.of(what, e);
    }

    /** Asks the server: a database that cannot be reached keeps no answers, and /api/health says so. */
    @Override
    public synchronized String problem() {
        try {
            if (connection().isValid(2)) {
                return null;
            }
            closeQuietly(db);
            db = null;
        } catch (SQLException e) {
            return "the team database " + database.where() + " cannot be used: " + StorageException.reasonOf(e);
        }
        return "the team database " + database.where() + " does not answer; answers are not being kept";
    }

    @Override
    public String instance() {
        return instance;
    }

    /**
     * The attempts left recording by instances that are gone (their lock is free; or from before instances were
     * recorded), each claimed for this one: what crash recovery scores and keeps. This instance's own are live.
     */
    @Override
    public synchronized List<Attempt> cutOff() {
        List<Attempt> found = new ArrayList<>();
        Map<String, Boolean> gone = new HashMap<>();
        for (Attempt a : attempts(" WHERE status = ? AND (instance IS NULL OR instance <> ?)", Attempt.RECORDING, instance)) {
            String by = recordedBy(a.id());
            if (by != null && !gone.computeIfAbsent(by, this::gone)) {
                continue;
            }
            if (update("UPDATE attempts SET instance = ? WHERE id = ? AND status = ? AND instance IS NOT DISTINCT FROM ?",
                instance, a.id(), Attempt.RECORDING, by) == 1) {
                found.add(a);
            }
        }
        return found;
    }

    private String recordedBy(String id) {
        return query("SELECT instance FROM attempts WHERE id = ?", rs -> rs.getString(1), id).stream().findFirst().orElse(null);
    }

    /** Whether the instance has ended: its lock is free (taken here for a moment, and given back). */
    private boolean gone(String other) {
        boolean free = query("SELECT pg_try_advisory_lock(?)", rs -> rs.getBoolean(1), key(other)).get(0);
        if (free) {
            query("SELECT pg_advisory_unlock(?)", rs -> rs.getBoolean(1), key(other));
        }
        return free;
    }

    @Override
    public synchronized void close() {
        if (db != null) {
            unlock(db, instance);
        }
        closeQuietly(db);
        db = null;
    }

    /** Flyway's connections, made as the store's are. */
    private record Source(Database database) implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            return connect(database);
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return connect(new Database(database.url(), user, password));
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
