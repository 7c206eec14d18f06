package dev.starpace.server.store;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Personal mode's store: an embedded SQLite database, DATA/starpace.db, in write-ahead-log mode. A database that is
 * damaged, read-only, not a file or from a newer StarPace is refused at open with one line; an older one is migrated.
 */
final class SqliteAttemptStore extends JdbcAttemptStore {
    private final Connection db;
    private final Path file;
    /** The file's identity (device and inode) when opened: a file deleted or replaced under SQLite loses every later write. */
    private final Object fileKey;

    private SqliteAttemptStore(Connection db, Path file) {
        this.db = db;
        this.file = file;
        this.fileKey = fileKey(file);
    }

    private static Object fileKey(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * What is wrong with the database file under the running server, or null: SQLite writes on to the file it opened,
     * so a deleted or replaced starpace.db takes every later answer with it, silently, at the next start.
     */
    @Override
    public String problem() {
        if (!Files.exists(file)) {
            return "the attempt database " + file + " was deleted while StarPace ran; restart StarPace to keep answers again";
        }
        Object now = fileKey(file);
        if (fileKey != null && now != null && !fileKey.equals(now)) {
            return "the attempt database " + file + " was replaced while StarPace ran; restart StarPace to keep answers again";
        }
        return null;
    }

    /** Refuses a write that would go to a file no longer at the database's path. */
    @Override
    protected void checkWritable() {
        String problem = problem();
        if (problem != null) {
            throw new StorageException(problem);
        }
    }

    @Override
    protected Connection connection() {
        return db;
    }

    /** IMMEDIATE: the write lock is taken at the start, so a locked database fails the whole write at once. */
    @Override
    protected String begin() {
        return "BEGIN IMMEDIATE";
    }

    @Override
    protected StorageException failure(String what, SQLException e) {
        return StorageException.of(what, e);
    }

    static SqliteAttemptStore open(Path dataDir) {
        Path file = dataDir.resolve("starpace.db");
        if (Files.exists(dataDir) && !Files.isDirectory(dataDir)) {
            throw new StorageException("the data folder " + dataDir + " is a file, not a folder");
        }
        try {
            Files.createDirectories(dataDir);
        } catch (AccessDeniedException e) {
            throw new StorageException("cannot create the data folder " + dataDir + ": permission denied");
        } catch (IOException e) {
            throw new StorageException("cannot create the data folder " + dataDir);
        }
        if (Files.isDirectory(file)) {
            throw new StorageException("the attempt database " + file + " is a folder, not a file");
        }
        if (Files.exists(file) && !Files.isReadable(file)) {
            throw new StorageException("cannot read the attempt database " + file + ": permission denied");
        }
        if (!Files.isWritable(dataDir) || Files.exists(file) && !Files.isWritable(file)) {
            throw new StorageException(readOnlyDisk(dataDir) ? "the attempt database " + file
                + " is on a read-only disk; StarPace writes every answer to it"
                : "cannot write to " + (Files.isWritable(dataDir) ? "the attempt database " + file : "the data folder " + dataDir)
                + ": permission denied; StarPace writes every answer to it");
        }
        Connection db = null;
        try {
            String url = "jdbc:sqlite:" + file;
            db = DriverManager.getConnection(url);
            exec(db, "PRAGMA foreign_keys=ON");
            quickCheck(db, file);
            exec(db, "PRAGMA journal_mode=WAL");
            Long maxPages = Long.getLong(MAX_PAGES_PROPERTY);
            if (maxPages != null) {
                exec(db, "PRAGMA max_page_count = " + maxPages);
            }
            // its last step writes user_version, so that a read-only database is refused at startup, not mid-answer
            Migrations.sqlite(db, url, file.toString());
            return new SqliteAttemptStore(db, file);
        } catch (SQLException | StorageException e) {
            closeQuietly(db);
            throw e instanceof StorageException se ? se : StorageException.of("cannot open the attempt database " + file, (SQLException) e);
        }
    }

    /** A disk mounted read-only says so; anything else that cannot be written is a matter of permissions. */
    private static boolean readOnlyDisk(Path dataDir) {
        try {
            return Files.getFileStore(dataDir).isReadOnly();
        } catch (IOException e) {
            return false;
        }
    }

    /** Damage in the middle of the file would otherwise surface later as failed reads. */
    private static void quickCheck(Connection db, Path file) throws SQLException {
        List<String> problems = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("PRAGMA quick_check")) {
            while (rs.next()) {
                problems.add(rs.getString(1));
            }
        }
        if (!problems.equals(List.of("ok"))) {
            throw new StorageException("the attempt database " + file + " is damaged (" + problems.size()
                + " problems found); move it aside and StarPace starts a new one");
        }
    }

    @Override
    public synchronized void close() {
        closeQuietly(db);
    }
}
