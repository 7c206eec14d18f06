package dev.starpace.server.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.starpace.engine.ScoredTranscript;
import dev.starpace.engine.probe.ProbeVerdict;
import dev.starpace.engine.transcript.Word;
import dev.starpace.server.audio.Audio;
import dev.starpace.server.audio.WavFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Attempts in an embedded SQLite database (data/starpace.db): each attempt's metadata, its scored transcript, a
 * mock interview's follow-up answers, its audio and the words heard, appended while the answer streams so that a
 * dropped connection or a crash keeps what was heard. One connection, serialised: SQLite writes one at a time
 * anyway, and the chunks are small.
 * Every failure is a {@link StorageException} with a line for a person.
 */
public final class AttemptStore implements AutoCloseable {
    /** Caps the database at this many pages: how the tests make a full disk without mounting one. */
    public static final String MAX_PAGES_PROPERTY = "starpace.maxDbPages";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WRITE = "cannot write to the attempt database";
    private static final String READ = "cannot read the attempt database";

    private final Connection db;
    private final Path file;
    /** The file's identity (device and inode) when opened: a file deleted or replaced under SQLite loses every later write. */
    private final Object fileKey;

    private AttemptStore(Connection db, Path file) {
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
    private void checkFile() {
        String problem = problem();
        if (problem != null) {
            throw new StorageException(problem);
        }
    }

    public static AttemptStore open(Path dataDir) {
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
            db = DriverManager.getConnection("jdbc:sqlite:" + file);
            exec(db, "PRAGMA foreign_keys=ON");
            quickCheck(db, file);
            exec(db, "PRAGMA journal_mode=WAL");
            Long maxPages = Long.getLong(MAX_PAGES_PROPERTY);
            if (maxPages != null) {
                exec(db, "PRAGMA max_page_count = " + maxPages);
            }
            Schema.migrate(db, file.toString());
            // a write now, so that a read-only database is refused at startup, not mid-answer
            exec(db, "PRAGMA user_version = " + Schema.version(db));
            return new AttemptStore(db, file);
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

    /** Each statement of its own, closed at once: an open result (a pragma's) would hold a lock. */
    static void exec(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute(sql);
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

    /** SQLite may have rolled back already (a full disk does): the first error is the one to report. */
    static void rollback(Connection db) {
        try {
            exec(db, "ROLLBACK");
        } catch (SQLException e) {
            // nothing left to undo
        }
    }

    private static void closeQuietly(Connection db) {
        try {
            if (db != null) {
                db.close();
            }
        } catch (SQLException e) {
            // already failing: the first error is the one to report
        }
    }

    public synchronized Attempt start(String questionId, String level, String mode) {
        String id = UUID.randomUUID().toString();
        String now = Instant.now().toString();
        update("INSERT INTO attempts (id, question_id, level, mode, started_at, status) VALUES (?, ?, ?, ?, ?, ?)",
            id, questionId, level, mode, now, Attempt.RECORDING);
        return new Attempt(id, questionId, level, mode, now, Attempt.RECORDING, null, null, null);
    }

    /**
     * Keeps an answer scored whole (a written one) as a complete attempt, in one insert: a failed write leaves
     * nothing behind, not an attempt still recording that startup would take for one a crash cut off.
     */
    public synchronized Attempt keep(String questionId, String level, String mode, ScoredTranscript transcript) {
        String id = UUID.randomUUID().toString();
        String now = Instant.now().toString();
        update("INSERT INTO attempts (id, question_id, level, mode, started_at, status, duration_seconds, score, transcript)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", id, questionId, level, mode, now, Attempt.COMPLETE,
            transcript.durationSeconds(), transcript.score().total(), json(transcript));
        return new Attempt(id, questionId, level, mode, now, Attempt.COMPLETE, transcript.durationSeconds(),
            transcript.score().total(), transcript);
    }

    /** Appends 16 kHz 16-bit mono PCM to the attempt's audio. */
    public synchronized void appendAudio(String id, int seq, byte[] pcm, int length) {
        appendHeard(id, seq, length == pcm.length ? pcm : java.util.Arrays.copyOf(pcm, length), 0, List.of());
    }

    /**
     * Appends, in one transaction, audio (when {@code pcm} is not null) and the words finalised from it, numbered
     * from {@code firstWord}: a crash leaves both or neither.
     */
    public synchronized void appendHeard(String id, int audioSeq, byte[] pcm, int firstWord, List<Word> words) {
        try {
            checkFile();
            // explicit BEGIN and COMMIT: the driver's own commit hides a full disk behind "no transaction is active"
            exec(db, "BEGIN IMMEDIATE");
            try {
                if (pcm != null) {
                    try (PreparedStatement st = db.prepareStatement("INSERT INTO audio_chunks (attempt_id, seq, pcm) VALUES (?, ?, ?)")) {
                        st.setString(1, id);
                        st.setInt(2, audioSeq);
                        st.setBytes(3, pcm);
                        st.executeUpdate();
                    }
                }
                try (PreparedStatement st = db.prepareStatement(
                    "INSERT INTO attempt_words (attempt_id, seq, word, start_seconds, end_seconds, conf) VALUES (?, ?, ?, ?, ?, ?)")) {
                    for (int i = 0; i < words.size(); i++) {
                        Word w = words.get(i);
                        st.setString(1, id);
                        st.setInt(2, firstWord + i);
                        st.setString(3, w.word());
                        st.setDouble(4, w.start());
                        st.setDouble(5, w.end());
                        st.setDouble(6, w.conf());
                        st.addBatch();
                    }
                    if (!words.isEmpty()) {
                        st.executeBatch();
                    }
                }
                exec(db, "COMMIT");
            } catch (SQLException e) {
                rollback(db);
                throw e;
            }
        } catch (SQLException e) {
            throw StorageException.of(WRITE, e);
        }
    }

    public synchronized void finish(String id, String status, ScoredTranscript transcript) {
        update("UPDATE attempts SET status = ?, duration_seconds = ?, score = ?, transcript = ? WHERE id = ?",
            status, transcript == null ? null : transcript.durationSeconds(),
            transcript == null ? null : transcript.score().total(), transcript == null ? null : json(transcript), id);
    }

    public synchronized List<Attempt> list(String questionId) {
        return attempts(questionId == null ? "" : " WHERE question_id = ?", questionId);
    }

    /** Attempts still {@code recording}: at startup, those a crash cut off. */
    public synchronized List<Attempt> recording() {
        return attempts(" WHERE status = ?", Attempt.RECORDING);
    }

    private List<Attempt> attempts(String where, String arg) {
        String sql = "SELECT id, question_id, level, mode, started_at, status, duration_seconds, score FROM attempts"
            + where + " ORDER BY started_at DESC";
        List<Attempt> out = new ArrayList<>();
        try (PreparedStatement st = db.prepareStatement(sql)) {
            if (arg != null) {
                st.setString(1, arg);
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new Attempt(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), nullableDouble(rs, 7), nullableInt(rs, 8), null));
                }
            }
        } catch (SQLException e) {
            throw StorageException.of(READ, e);
        }
        return out;
    }

    public synchronized Optional<Attempt> get(String id) {
        try (PreparedStatement st = db.prepareStatement("SELECT id, question_id, level, mode, started_at, status,"
            + " duration_seconds, score, transcript FROM attempts WHERE id = ?")) {
            st.setString(1, id);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String transcript = rs.getString(9);
                List<FollowUp> followUps = followUps(id);
                return Optional.of(new Attempt(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getString(5), rs.getString(6), nullableDouble(rs, 7), nullableInt(rs, 8),
                    transcript == null ? null : JSON.readValue(transcript, ScoredTranscript.class),
                    followUps.isEmpty() ? null : followUps));
            }
        } catch (SQLException e) {
            throw StorageException.of(READ, e);
        } catch (JsonProcessingException e) {
            throw new StorageException("the stored transcript of attempt " + id + " is damaged", e);
        }
    }

    /** The words stored as they were heard, in order. */
    public synchronized List<Word> words(String id) {
        List<Word> out = new ArrayList<>();
        try (PreparedStatement st = db.prepareStatement(
            "SELECT word, start_seconds, end_seconds, conf FROM attempt_words WHERE attempt_id = ? ORDER BY seq")) {
            st.setString(1, id);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new Word(rs.getString(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)));
                }
            }
        } catch (SQLException e) {
            throw StorageException.of(READ, e);
        }
        return out;
    }

    /** Keeps a follow-up's answer with its mock interview; answering the same probe again replaces it. */
    public synchronized void saveFollowUp(String attemptId, FollowUp f) {
        update("INSERT OR REPLACE INTO follow_ups (attempt_id, probe, answer, verdict) VALUES (?, ?, ?, ?)",
            attemptId, f.probe(), f.answer(), json(f.verdict()));
    }

    /** In the order answered: a probe answered again moves to the end (REPLACE gives it a new rowid). */
    private List<FollowUp> followUps(String id) throws SQLException {
        List<FollowUp> out = new ArrayList<>();
        try (PreparedStatement st = db.prepareStatement("SELECT probe, answer, verdict FROM follow_ups WHERE attempt_id = ? ORDER BY rowid")) {
            st.setString(1, id);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new FollowUp(rs.getInt(1), rs.getString(2), JSON.readValue(rs.getString(3), ProbeVerdict.class)));
                }
            }
        } catch (JsonProcessingException e) {
            throw new StorageException("a stored follow-up of attempt " + id + " is damaged", e);
        }
        return out;
    }

    /** How many pieces of audio are stored for the attempt: the next piece is stored with this number. */
    public synchronized int audioChunks(String id) {
        try (PreparedStatement st = db.prepareStatement("SELECT COALESCE(MAX(seq) + 1, 0) FROM audio_chunks WHERE attempt_id = ?")) {
            st.setString(1, id);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        } catch (SQLException e) {
            throw StorageException.of(READ, e);
        }
    }

    /** The attempt's audio as 16 kHz 16-bit mono PCM (empty when none was stored). */
    public synchronized byte[] pcm(String id) {
        ByteArrayOutputStream pcm = new ByteArrayOutputStream();
        try (PreparedStatement st = db.prepareStatement("SELECT pcm FROM audio_chunks WHERE attempt_id = ? ORDER BY seq")) {
            st.setString(1, id);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    pcm.writeBytes(rs.getBytes(1));
                }
            }
        } catch (SQLException e) {
            throw StorageException.of(READ, e);
        }
        return pcm.toByteArray();
    }

    /** The attempt's audio as a 16 kHz 16-bit mono WAV file, or empty when there is no such attempt. */
    public synchronized Optional<byte[]> audio(String id) {
        if (!exists(id)) {
            return Optional.empty();
        }
        byte[] pcm = pcm(id);
        ByteArrayOutputStream wav = new ByteArrayOutputStream();
        wav.writeBytes(WavFile.header(pcm.length, Audio.SPEECH_RATE));
        wav.writeBytes(pcm);
        return Optional.of(wav.toByteArray());
    }

    private boolean exists(String id) {
        try (PreparedStatement st = db.prepareStatement("SELECT 1 FROM attempts WHERE id = ?")) {
            st.setString(1, id);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw StorageException.of(READ, e);
        }
    }

    public synchronized boolean delete(String id) {
        return update("DELETE FROM attempts WHERE id = ?", id) > 0;
    }

    /** Deletes the attempt if no audio was ever stored for it: a start with nothing after it leaves no row. */
    public synchronized boolean deleteIfSilent(String id) {
        return update("DELETE FROM attempts WHERE id = ? AND NOT EXISTS (SELECT 1 FROM audio_chunks WHERE attempt_id = ?)",
            id, id) > 0;
    }

    private static Double nullableDouble(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    private static Integer nullableInt(ResultSet rs, int column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    private int update(String sql, Object... args) {
        checkFile();
        try (PreparedStatement st = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i]);
            }
            return st.executeUpdate();
        } catch (SQLException e) {
            throw StorageException.of(WRITE, e);
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        closeQuietly(db);
    }
}
