package dev.starpace.server.store;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Team mode's store: a PostgreSQL database that the organisation runs. The same tables and promises as the SQLite
 * store: a phrase's words with their audio in one transaction, attempts left recording found at the next start.
 * One connection, serialised like SQLite's; when the server goes away (a restart, a dropped network) the failed call
 * reports it in one line and the next call connects again, so answers are kept again once the server is back.
 *
 * <p>One StarPace per database, for now: the connection holds a PostgreSQL advisory lock, and a second instance is
 * refused at start. Crash recovery takes every attempt left {@code recording} for one a crash cut off, which is only
 * true while one instance writes; several instances (issue 25, item 6) need each to recover only its own.
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
    private Connection db;

    private PostgresAttemptStore(Database database, Connection db) {
        this.database = database;
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
        try {
            lock(db, database);
            Migrations.postgresql(new Source(database), name);
            return new PostgresAttemptStore(database, db);
        } catch (RuntimeException e) {
            closeQuietly(db);
            throw e;
        }
    }

    /** Any number, the same in every StarPace: the key of the one-instance lock. */
    private static final long INSTANCE_LOCK = 0x5354415250414345L; // "STARPACE"

    /** How long a start waits for the lock: a StarPace stopped or killed a moment ago, its session not yet ended. */
    private static final long LOCK_PATIENCE_MILLIS = 5_000;

    /**
     * Takes the one-instance lock for the connection's life, or refuses: another StarPace holds it. The lock goes when
     * its session ends, which PostgreSQL sees a moment after the process that held it closed or died, so a start
     * right after a stop (a restart, a crash) tries for a few seconds.
     */
    private static void lock(Connection db, Database database) {
        long deadline = System.currentTimeMillis() + LOCK_PATIENCE_MILLIS;
        try (PreparedStatement st = db.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            st.setLong(1, INSTANCE_LOCK);
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
        throw new StorageException("another StarPace already serves the team database " + database.where()
            + "; several instances on one database are not built yet (docs/teams.md)");
    }

    /** Gives the lock back at once, rather than when PostgreSQL notices the closed connection's session end. */
    private static void unlock(Connection db) {
        try (PreparedStatement st = db.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            st.setLong(1, INSTANCE_LOCK);
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
                lock(fresh, database); // the lock went with the old connection
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
    public synchronized void close() {
        if (db != null) {
            unlock(db);
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
