package dev.starpace.server.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.starpace.engine.ScoredTranscript;
import dev.starpace.engine.probe.ProbeVerdict;
import dev.starpace.server.audio.Audio;
import dev.starpace.server.audio.WavFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Attempts in an embedded SQLite database (data/starpace.db): each attempt's metadata, its scored transcript
 * and its audio, appended in chunks while the answer streams so that a dropped connection keeps what was heard.
 * One connection, serialised: SQLite writes one at a time anyway, and the chunks are small.
 */
public final class AttemptStore implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Connection db;

    private AttemptStore(Connection db) {
        this.db = db;
    }

    public static AttemptStore open(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            Connection db = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("starpace.db"));
            try (Statement s = db.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA foreign_keys=ON");
                s.execute("""
                    CREATE TABLE IF NOT EXISTS attempts (
                      id TEXT PRIMARY KEY,
                      question_id TEXT NOT NULL,
                      level TEXT NOT NULL,
                      mode TEXT NOT NULL,
                      started_at TEXT NOT NULL,
                      status TEXT NOT NULL,
                      duration_seconds REAL,
                      score INTEGER,
                      transcript TEXT)""");
                s.execute("""
                    CREATE TABLE IF NOT EXISTS audio_chunks (
                      attempt_id TEXT NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
                      seq INTEGER NOT NULL,
                      pcm BLOB NOT NULL,
                      PRIMARY KEY (attempt_id, seq))""");
                s.execute("""
                    CREATE TABLE IF NOT EXISTS follow_ups (
                      attempt_id TEXT NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
                      probe INTEGER NOT NULL,
                      answer TEXT NOT NULL,
                      verdict TEXT NOT NULL,
                      PRIMARY KEY (attempt_id, probe))""");
                // an attempt still 'recording' when the server starts was cut off by a crash or a stop
                s.execute("UPDATE attempts SET status = 'incomplete' WHERE status = 'recording'");
            }
            return new AttemptStore(db);
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("cannot open the attempt database in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    public synchronized Attempt start(String questionId, String level, String mode) {
        String id = UUID.randomUUID().toString();
        String now = Instant.now().toString();
        update("INSERT INTO attempts (id, question_id, level, mode, started_at, status) VALUES (?, ?, ?, ?, ?, ?)",
            id, questionId, level, mode, now, Attempt.RECORDING);
        return new Attempt(id, questionId, level, mode, now, Attempt.RECORDING, null, null, null);
    }

    /** Appends 16 kHz 16-bit mono PCM to the attempt's audio. */
    public synchronized void appendAudio(String id, int seq, byte[] pcm, int length) {
        byte[] copy = length == pcm.length ? pcm : java.util.Arrays.copyOf(pcm, length);
        update("INSERT INTO audio_chunks (attempt_id, seq, pcm) VALUES (?, ?, ?)", id, seq, copy);
    }

    public synchronized void finish(String id, String status, ScoredTranscript transcript) {
        update("UPDATE attempts SET status = ?, duration_seconds = ?, score = ?, transcript = ? WHERE id = ?",
            status, transcript == null ? null : transcript.durationSeconds(),
            transcript == null ? null : transcript.score().total(), transcript == null ? null : json(transcript), id);
    }

    public synchronized List<Attempt> list(String questionId) {
        String sql = "SELECT id, question_id, level, mode, started_at, status, duration_seconds, score FROM attempts"
            + (questionId == null ? "" : " WHERE question_id = ?") + " ORDER BY started_at DESC";
        List<Attempt> out = new ArrayList<>();
        try (PreparedStatement st = db.prepareStatement(sql)) {
            if (questionId != null) {
                st.setString(1, questionId);
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new Attempt(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), nullableDouble(rs, 7), nullableInt(rs, 8), null));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
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
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Keeps a follow-up's answer with its mock interview; answering the same probe again replaces it. */
    public synchronized void saveFollowUp(String attemptId, FollowUp f) {
        update("INSERT OR REPLACE INTO follow_ups (attempt_id, probe, answer, verdict) VALUES (?, ?, ?, ?)",
            attemptId, f.probe(), f.answer(), json(f.verdict()));
    }

    private List<FollowUp> followUps(String id) throws SQLException, JsonProcessingException {
        List<FollowUp> out = new ArrayList<>();
        try (PreparedStatement st = db.prepareStatement("SELECT probe, answer, verdict FROM follow_ups WHERE attempt_id = ? ORDER BY rowid")) {
            st.setString(1, id);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new FollowUp(rs.getInt(1), rs.getString(2), JSON.readValue(rs.getString(3), ProbeVerdict.class)));
                }
            }
        }
        return out;
    }

    /** The attempt's audio as a 16 kHz 16-bit mono WAV file, or empty when there is no such attempt. */
    public synchronized Optional<byte[]> audio(String id) {
        if (!exists(id)) {
            return Optional.empty();
        }
        ByteArrayOutputStream pcm = new ByteArrayOutputStream();
        try (PreparedStatement st = db.prepareStatement("SELECT pcm FROM audio_chunks WHERE attempt_id = ? ORDER BY seq")) {
            st.setString(1, id);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    pcm.writeBytes(rs.getBytes(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        ByteArrayOutputStream wav = new ByteArrayOutputStream();
        wav.writeBytes(WavFile.header(pcm.size(), Audio.SPEECH_RATE));
        wav.writeBytes(pcm.toByteArray());
        return Optional.of(wav.toByteArray());
    }

    private boolean exists(String id) {
        try (PreparedStatement st = db.prepareStatement("SELECT 1 FROM attempts WHERE id = ?")) {
            st.setString(1, id);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public synchronized boolean delete(String id) {
        return update("DELETE FROM attempts WHERE id = ?", id) > 0;
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
        try (PreparedStatement st = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i]);
            }
            return st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("database: " + e.getMessage(), e);
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
        try {
            db.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
