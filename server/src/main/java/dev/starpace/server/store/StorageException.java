package dev.starpace.server.store;

import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The attempt database could not do what was asked. The message is one line for a person: what failed and
 * why in plain words (disk full, read-only, damaged), never SQLite's own text.
 */
public final class StorageException extends RuntimeException {
    private final boolean busy;

    public StorageException(String message) {
        this(message, null, false);
    }

    public StorageException(String message, Throwable cause) {
        this(message, cause, false);
    }

    private StorageException(String message, Throwable cause, boolean busy) {
        super(message, cause);
        this.busy = busy;
    }

    /** "{@code what}: {@code why}", where why names the SQLite failure in plain words. */
    static StorageException of(String what, SQLException e) {
        SQLiteErrorCode code = code(e);
        boolean busy = code == SQLiteErrorCode.SQLITE_BUSY || code == SQLiteErrorCode.SQLITE_LOCKED
            || code == SQLiteErrorCode.SQLITE_BUSY_RECOVERY || code == SQLiteErrorCode.SQLITE_BUSY_SNAPSHOT;
        return new StorageException(what + ": " + reason(e), e, busy);
    }

    /** Another program holds the database's lock: the same write may succeed a moment later. */
    public boolean busy() {
        return busy;
    }

    /** The SQLite result code: from the exception, else from the "[SQLITE_...]" its message starts with. */
    private static SQLiteErrorCode code(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause() != null ? t.getCause()
            : t instanceof SQLException s ? s.getNextException() : null) {
            if (t instanceof SQLiteException s && s.getResultCode() != SQLiteErrorCode.UNKNOWN_ERROR) {
                return s.getResultCode();
            }
            Matcher m = CODE.matcher(String.valueOf(t.getMessage()));
            if (m.find()) {
                try {
                    return SQLiteErrorCode.valueOf(m.group(1));
                } catch (IllegalArgumentException unknown) {
                    return null;
                }
            }
        }
        return null;
    }

    private static final Pattern CODE = Pattern.compile("\\[(SQLITE_[A-Z_]+)\\]");

    static String reason(SQLException e) {
        SQLiteErrorCode code = code(e);
        if (code == null) {
            return "the database failed";
        }
        return switch (code) {
            case SQLITE_FULL, SQLITE_IOERR_WRITE, SQLITE_IOERR_FSYNC, SQLITE_IOERR_TRUNCATE -> "the disk is full (or will not take more)";
            case SQLITE_READONLY, SQLITE_READONLY_DIRECTORY, SQLITE_READONLY_DBMOVED, SQLITE_READONLY_RECOVERY,
                SQLITE_READONLY_CANTLOCK, SQLITE_READONLY_ROLLBACK -> "the database is read-only";
            case SQLITE_CANTOPEN, SQLITE_CANTOPEN_ISDIR, SQLITE_CANTOPEN_FULLPATH, SQLITE_PERM, SQLITE_AUTH -> "the database cannot be opened (check the folder's permissions)";
            case SQLITE_NOTADB, SQLITE_CORRUPT, SQLITE_CORRUPT_VTAB -> "the database is damaged or is not a StarPace database";
            case SQLITE_BUSY, SQLITE_LOCKED, SQLITE_BUSY_RECOVERY, SQLITE_BUSY_SNAPSHOT -> "the database is locked by another program";
            case SQLITE_CONSTRAINT_FOREIGNKEY -> "the attempt was deleted";
            default -> code.name().startsWith("SQLITE_IOERR") ? "the disk could not be written or read" : "the database failed";
        };
    }
}
