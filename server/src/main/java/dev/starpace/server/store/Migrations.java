package dev.starpace.server.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * The schema of both stores as Flyway migrations, numbered and only ever appended: db/sqlite/V*.sql for personal
 * mode's SQLite file, db/postgresql/V*.sql for team mode. Opening a database applies what it lacks, each migration in
 * its own transaction, and refuses a database that a newer StarPace has migrated further.
 *
 * <p>SQLite databases made before Flyway kept their schema version in {@code PRAGMA user_version} (0 to 4, the first
 * four migrations here): such a database is baselined at that version and migrated on without loss. After every
 * migration the SQLite file's user_version is set to its Flyway version too, so a StarPace from before Flyway, which
 * reads only user_version, refuses a database it does not know instead of writing to it.
 */
final class Migrations {
    static final String SQLITE = "classpath:db/sqlite";
    static final String POSTGRESQL = "classpath:db/postgresql";

    private Migrations() {
    }

    /** Brings the SQLite database {@code db} (a file at {@code url}) up to date; returns the schema version now. */
    static int sqlite(Connection db, String url, String name) throws SQLException {
        int userVersion = userVersion(db);
        boolean flyway = tableExists(db, "flyway_schema_history");
        FluentConfiguration config = configure(SQLITE).dataSource(url, null, null);
        int latest = latest(config.load());
        if (userVersion > latest) {
            throw newer(name, userVersion, latest);
        }
        if (!flyway && (userVersion > 0 || tableExists(db, "attempts"))) {
            // the schema of before versions (user_version 0) is migration 1's: CREATE TABLE IF NOT EXISTS
            int baseline = Math.max(userVersion, 1);
            run(name, () -> configure(SQLITE).dataSource(url, null, null).baselineVersion(String.valueOf(baseline))
                .baselineDescription("PRAGMA user_version " + userVersion).load().baseline());
        }
        int version = migrate(config.load(), name, latest);
        JdbcAttemptStore.exec(db, "PRAGMA user_version = " + version);
        return version;
    }

    /** Brings the PostgreSQL database up to date; returns the schema version now. */
    static int postgresql(DataSource source, String name) {
        Flyway flyway = configure(POSTGRESQL).dataSource(source).load();
        return migrate(flyway, name, latest(flyway));
    }

    private static FluentConfiguration configure(String location) {
        return Flyway.configure(Migrations.class.getClassLoader()).locations(location).failOnMissingLocations(true)
            .validateMigrationNaming(true);
    }

    private static int migrate(Flyway flyway, String name, int latest) {
        MigrationInfo[] applied = run(name, () -> flyway.info().applied());
        int current = Arrays.stream(applied).map(MigrationInfo::getVersion).filter(v -> v != null)
            .mapToInt(v -> Integer.parseInt(v.getVersion())).max().orElse(0);
        if (current > latest) {
            throw newer(name, current, latest);
        }
        run(name, flyway::migrate);
        return latest;
    }

    /** The highest migration this StarPace holds. */
    private static int latest(Flyway flyway) {
        MigrationVersion v = run("the migrations", () -> Arrays.stream(flyway.info().all())
            .filter(m -> m.getState().isResolved() && m.getVersion() != null).map(MigrationInfo::getVersion)
            .max(MigrationVersion::compareTo).orElse(MigrationVersion.fromVersion("0")));
        return Integer.parseInt(v.getVersion());
    }

    private static StorageException newer(String name, int version, int latest) {
        return new StorageException(name + " was written by a newer StarPace (schema " + version
            + ", this one knows " + latest + "); upgrade StarPace to open it");
    }

    /** Flyway's own message is many lines with its class names; the cause underneath says what failed. */
    private static <T> T run(String name, java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (FlywayException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SQLException sql) {
                    throw new StorageException("cannot bring " + name + " up to date: " + StorageException.reasonOf(sql), e);
                }
            }
            throw new StorageException("cannot bring " + name + " up to date: " + firstLine(e.getMessage()), e);
        }
    }

    private static String firstLine(String message) {
        return message == null ? "the migration failed" : message.lines().filter(l -> !l.isBlank()).findFirst().orElse("the migration failed");
    }

    private static int userVersion(Connection db) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static boolean tableExists(Connection db, String table) throws SQLException {
        try (var st = db.prepareStatement("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            st.setString(1, table);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        }
    }
}
