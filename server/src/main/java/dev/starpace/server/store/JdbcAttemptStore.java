package dev.starpace.server.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.starpace.engine.Level;
import dev.starpace.engine.ScoredTranscript;
import dev.starpace.engine.bank.OwnQuestion;
import dev.starpace.engine.bank.Story;
import dev.starpace.engine.probe.ProbeVerdict;
import dev.starpace.engine.transcript.Word;
import dev.starpace.server.audio.Audio;
import dev.starpace.server.audio.WavFile;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
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
 * The SQL both stores share: the same tables and statements on SQLite and PostgreSQL. One connection, serialised:
 * SQLite writes one at a time anyway, and the writes are small. What differs between the two databases is left to
 * the subclass: where the connection comes from, how a write transaction starts, and how a failure reads.
 */
abstract class JdbcAttemptStore implements AttemptStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String WRITE = "cannot write to the attempt database";
    static final String READ = "cannot read the attempt database";

    private final TeamStore team = new JdbcTeamStore(this);

    /** The connection for the next statement (PostgreSQL's may be a new one after the server went away). */
    protected abstract Connection connection() throws SQLException;

    /** The statement that opens a write transaction: SQLite's takes the write lock at once. */
    protected abstract String begin();

    /** The failure in one line for a person: "{@code what}: why". */
    protected abstract StorageException failure(String what, SQLException e);

    /** Which instance records the attempts this store starts (several on one team database), or null. */
    @Override
    public String instance() {
        return null;
    }

    /** Refuses a write that cannot be kept (SQLite: a file deleted under the server); nothing by default. */
    protected void checkWritable() {
    }

    /** Each statement of its own, closed at once: an open result (a pragma's) would hold a lock. */
    static void exec(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute(sql);
        }
    }

    /** The database may have rolled back already (SQLite on a full disk does): the first error is the one to report. */
    static void rollback(Connection db) {
        try {
            exec(db, "ROLLBACK");
        } catch (SQLException e) {
            // nothing left to undo
        }
    }

    static void closeQuietly(Connection db) {
        try {
            if (db != null) {
                db.close();
            }
        } catch (SQLException e) {
            // already failing: the first error is the one to report
        }
    }

    @Override
    public synchronized Attempt start(String owner, String questionId, String level, String mode) {
        String id = UUID.randomUUID().toString();
        String now = Instant.now().toString();
        update("INSERT INTO attempts (id, owner, question_id, level, mode, started_at, status, instance) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            id, owner, questionId, level, mode, now, Attempt.RECORDING, instance());
        return new Attempt(id, owner, questionId, level, mode, now, Attempt.RECORDING, null, null, null);
    }

    @Override
    public synchronized Attempt keep(String owner, String questionId, String level, String mode, ScoredTranscript transcript) {
        String id = UUID.randomUUID().toString();
        String now = Instant.now().toString();
        update("INSERT INTO attempts (id, owner, question_id, level, mode, started_at, status, duration_seconds, score, transcript)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, owner, questionId, level, mode, now, Attempt.COMPLETE,
            transcript.durationSeconds(), transcript.score().total(), json(transcript));
        return new Attempt(id, owner, questionId, level, mode, now, Attempt.COMPLETE, transcript.durationSeconds(),
            transcript.score().total(), transcript);
    }

    @Override
    public synchronized void appendHeard(String id, int audioSeq, byte[] pcm, int firstWord, List<Word> words) {
        checkWritable();
        try {
            Connection db = connection();
            // explicit BEGIN and COMMIT: SQLite's driver's own commit hides a full disk behind "no transaction is active"
            exec(db, begin());
            try {
                if (pcm != null) {
                    try (PreparedStatement st = db.prepareStatement("INSERT INTO audio_chunks (attempt_id, seq, pcm) VALUES (?, ?, ?)")) {
                        st.setString(1, id);
                        st.setInt(2, audioSeq);
                        st.setBytes(3, pcm);
                        st.executeUpdate();
                    }
                }
                if (!words.isEmpty()) {
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
                        st.executeBatch();
                    }
                }
                exec(db, "COMMIT");
            } catch (SQLException e) {
                rollback(db);
                throw e;
            }
        } catch (SQLException e) {
            throw failure(WRITE, e);
        }
    }

    @Override
    public synchronized void finish(String id, String status, ScoredTranscript transcript) {
        update("UPDATE attempts SET status = ?, duration_seconds = ?, score = ?, transcript = ? WHERE id = ?",
            status, transcript == null ? null : transcript.durationSeconds(),
            transcript == null ? null : transcript.score().total(), transcript == null ? null : json(transcript), id);
    }

    @Override
    public synchronized List<Attempt> list(String owner, String questionId) {
        return questionId == null ? attempts(" WHERE owner = ?", owner) : attempts(" WHERE owner = ? AND question_id = ?", owner, questionId);
    }

    @Override
    public synchronized List<Attempt> recording() {
        return attempts(" WHERE status = ?", Attempt.RECORDING);
    }

    List<Attempt> attempts(String where, String... args) {
        String sql = "SELECT id, owner, question_id, level, mode, started_at, status, duration_seconds, score FROM attempts"
            + where + " ORDER BY started_at DESC";
        List<Attempt> out = new ArrayList<>();
        try (PreparedStatement st = connection().prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setString(i + 1, args[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new Attempt(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), nullableDouble(rs, 8), nullableInt(rs, 9), null));
                }
            }
        } catch (SQLException e) {
            throw failure(READ, e);
        }
        return out;
    }

    @Override
    public synchronized Optional<Attempt> get(String id) {
        try (PreparedStatement st = connection().prepareStatement("SELECT id, owner, question_id, level, mode, started_at, status,"
            + " duration_seconds, score, transcript FROM attempts WHERE id = ?")) {
            st.setString(1, id);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String transcript = rs.getString(10);
                List<FollowUp> followUps = followUps(id);
                return Optional.of(new Attempt(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getString(5), rs.getString(6), rs.getString(7), nullableDouble(rs, 8), nullableInt(rs, 9),
                    transcript == null ? null : JSON.readValue(transcript, ScoredTranscript.class),
                    followUps.isEmpty() ? null : followUps));
            }
        } catch (SQLException e) {
            throw failure(READ, e);
        } catch (JsonProcessingException e) {
            throw new StorageException("the stored transcript of attempt " + id + " is damaged", e);
        }
    }

    @Override
    public synchronized List<Word> words(String id) {
        List<Word> out = new ArrayList<>();
        try (PreparedStatement st = connection().prepareStatement(
            "SELECT word, start_seconds, end_seconds, conf FROM attempt_words WHERE attempt_id = ? ORDER BY seq")) {
            st.setString(1, id);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new Word(rs.getString(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)));
                }
            }
        } catch (SQLException e) {
            throw failure(READ, e);
        }
        return out;
    }

    /** A probe answered again replaces its answer (and recording) and moves to the end: {@code answered} numbers them in order. */
    @Override
    public synchronized void saveFollowUp(String attemptId, FollowUp f, byte[] pcm) {
        update("INSERT INTO follow_ups (attempt_id, probe, answer, verdict, audio, answered) VALUES (?, ?, ?, ?, ?,"
            + " (SELECT COALESCE(MAX(answered), 0) + 1 FROM follow_ups WHERE attempt_id = ?))"
            + " ON CONFLICT (attempt_id, probe) DO UPDATE SET answer = excluded.answer, verdict = excluded.verdict,"
            + " audio = excluded.audio, answered = excluded.answered", attemptId, f.probe(), f.answer(), json(f.verdict()),
            pcm == null || pcm.length == 0 ? null : pcm, attemptId);
    }

    private List<FollowUp> followUps(String id) throws SQLException {
        List<FollowUp> out = new ArrayList<>();
        try (PreparedStatement st = connection().prepareStatement(
            "SELECT probe, answer, verdict, audio IS NOT NULL FROM follow_ups WHERE attempt_id = ? ORDER BY answered")) {
            st.setString(1, id);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new FollowUp(rs.getInt(1), rs.getString(2), JSON.readValue(rs.getString(3), ProbeVerdict.class),
                        rs.getBoolean(4)));
                }
            }
        } catch (JsonProcessingException e) {
            throw new StorageException("a stored follow-up of attempt " + id + " is damaged", e);
        }
        return out;
    }

    @Override
    public synchronized Optional<byte[]> followUpAudio(String attemptId, int probe) {
        List<byte[]> pcm = query("SELECT audio FROM follow_ups WHERE attempt_id = ? AND probe = ? AND audio IS NOT NULL",
            rs -> rs.getBytes(1), attemptId, probe);
        return pcm.isEmpty() ? Optional.empty() : Optional.of(wav(pcm.get(0)));
    }

    /** 16 kHz 16-bit mono PCM as a WAV file. */
    private static byte[] wav(byte[] pcm) {
        ByteArrayOutputStream wav = new ByteArrayOutputStream();
        wav.writeBytes(WavFile.header(pcm.length, Audio.SPEECH_RATE));
        wav.writeBytes(pcm);
        return wav.toByteArray();
    }

    @Override
    public synchronized int audioChunks(String id) {
        try (PreparedStatement st = connection().prepareStatement("SELECT COALESCE(MAX(seq) + 1, 0) FROM audio_chunks WHERE attempt_id = ?")) {
            st.setString(1, id);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        } catch (SQLException e) {
            throw failure(READ, e);
        }
    }

    @Override
    public synchronized byte[] pcm(String id) {
        ByteArrayOutputStream pcm = new ByteArrayOutputStream();
        try (PreparedStatement st = connection().prepareStatement("SELECT pcm FROM audio_chunks WHERE attempt_id = ? ORDER BY seq")) {
            st.setString(1, id);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    pcm.writeBytes(rs.getBytes(1));
                }
            }
        } catch (SQLException e) {
            throw failure(READ, e);
        }
        return pcm.toByteArray();
    }

    @Override
    public synchronized Optional<byte[]> audio(String id) {
        if (!exists(id)) {
            return Optional.empty();
        }
        return Optional.of(wav(pcm(id)));
    }

    private boolean exists(String id) {
        try (PreparedStatement st = connection().prepareStatement("SELECT 1 FROM attempts WHERE id = ?")) {
            st.setString(1, id);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw failure(READ, e);
        }
    }

    @Override
    public synchronized boolean delete(String id) {
        return update("DELETE FROM attempts WHERE id = ?", id) > 0;
    }

    @Override
    public synchronized int deleteStartedBefore(Instant cutoff) {
        // started_at is an ISO-8601 instant: as text it sorts as time, to the second
        update("DELETE FROM interviews WHERE started_at < ?", cutoff.toString());
        return update("DELETE FROM attempts WHERE started_at < ? AND status <> ?", cutoff.toString(), Attempt.RECORDING);
    }

    @Override
    public synchronized boolean deleteIfSilent(String id) {
        return update("DELETE FROM attempts WHERE id = ? AND NOT EXISTS (SELECT 1 FROM audio_chunks WHERE attempt_id = ?)",
            id, id) > 0;
    }

    @Override
    public synchronized void saveQuestion(String owner, OwnQuestion q) {
        update("INSERT INTO own_questions (id, owner, lp, level, question, created_at) VALUES (?, ?, ?, ?, ?, ?)",
            q.id(), owner, q.lp(), q.level().id(), q.question(), q.createdAt());
    }

    @Override
    public synchronized List<OwnQuestion> questions(String owner) {
        return ownQuestions("owner = ?", owner);
    }

    @Override
    public synchronized Optional<OwnQuestion> question(String id) {
        return ownQuestions("id = ?", id).stream().findFirst();
    }

    private List<OwnQuestion> ownQuestions(String where, String arg) {
        List<OwnQuestion> out = new ArrayList<>();
        try (PreparedStatement st = connection().prepareStatement(
            "SELECT id, lp, level, question, created_at FROM own_questions WHERE " + where + " ORDER BY created_at DESC")) {
            st.setString(1, arg);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new OwnQuestion(rs.getString(1), rs.getString(2), Level.parse(rs.getString(3)), rs.getString(4), rs.getString(5)));
                }
            }
        } catch (SQLException e) {
            throw failure(READ, e);
        }
        return out;
    }

    @Override
    public synchronized boolean deleteQuestion(String id) {
        return inTransaction(db -> {
            try (PreparedStatement takes = db.prepareStatement("DELETE FROM attempts WHERE question_id = ?");
                 PreparedStatement question = db.prepareStatement("DELETE FROM own_questions WHERE id = ?")) {
                takes.setString(1, id);
                takes.executeUpdate();
                question.setString(1, id);
                return question.executeUpdate() > 0;
            }
        });
    }

    @Override
    public synchronized void saveStory(String owner, Story story) {
        inTransaction(db -> {
            try (PreparedStatement st = db.prepareStatement(
                "INSERT INTO stories (id, owner, title, notes, created_at) VALUES (?, ?, ?, ?, ?)")) {
                st.setString(1, story.id());
                st.setString(2, owner);
                st.setString(3, story.title());
                st.setString(4, story.notes());
                st.setString(5, story.createdAt());
                st.executeUpdate();
            }
            try (PreparedStatement st = db.prepareStatement("INSERT INTO story_lps (story_id, lp) VALUES (?, ?)")) {
                for (String lp : story.lps()) {
                    st.setString(1, story.id());
                    st.setString(2, lp);
                    st.addBatch();
                }
                st.executeBatch();
            }
            return null;
        });
    }

    @Override
    public synchronized List<Story> stories(String owner) {
        List<Story> out = new ArrayList<>();
        try (PreparedStatement st = connection().prepareStatement(
                "SELECT id, title, notes, created_at FROM stories WHERE owner = ? ORDER BY created_at DESC");
             PreparedStatement lps = connection().prepareStatement("SELECT lp FROM story_lps WHERE story_id = ? ORDER BY lp")) {
            st.setString(1, owner);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    List<String> answers = new ArrayList<>();
                    lps.setString(1, rs.getString(1));
                    try (ResultSet l = lps.executeQuery()) {
                        while (l.next()) {
                            answers.add(l.getString(1));
                        }
                    }
                    out.add(new Story(rs.getString(1), rs.getString(2), rs.getString(3), answers, rs.getString(4)));
                }
            }
        } catch (SQLException e) {
            throw failure(READ, e);
        }
        return out;
    }

    @Override
    public synchronized boolean deleteStory(String owner, String id) {
        return update("DELETE FROM stories WHERE id = ? AND owner = ?", id, owner) > 0;
    }

    @Override
    public synchronized boolean tellStory(String owner, String attemptId, String storyId) {
        Optional<Attempt> take = get(attemptId);
        if (take.isEmpty() || !take.get().owner().equals(owner)) {
            return false;
        }
        if (storyId == null) {
            update("DELETE FROM story_takes WHERE attempt_id = ?", attemptId);
            return true;
        }
        if (stories(owner).stream().noneMatch(s -> s.id().equals(storyId))) {
            return false;
        }
        update("INSERT INTO story_takes (attempt_id, story_id) VALUES (?, ?)"
            + " ON CONFLICT (attempt_id) DO UPDATE SET story_id = excluded.story_id", attemptId, storyId);
        return true;
    }

    @Override
    public synchronized String storyOf(String attemptId) {
        try (PreparedStatement st = connection().prepareStatement("SELECT story_id FROM story_takes WHERE attempt_id = ?")) {
            st.setString(1, attemptId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw failure(READ, e);
        }
    }

    @Override
    public synchronized List<Attempt> takesOf(String storyId) {
        return attempts(" WHERE id IN (SELECT attempt_id FROM story_takes WHERE story_id = ?)", storyId);
    }

    @Override
    public synchronized Interview startInterview(String owner, String level, int thinkingSeconds, List<String> questionIds) {
        String id = UUID.randomUUID().toString();
        String now = Instant.now().toString();
        inTransaction(db -> {
            try (PreparedStatement st = db.prepareStatement(
                "INSERT INTO interviews (id, owner, level, thinking_seconds, started_at) VALUES (?, ?, ?, ?, ?)")) {
                st.setString(1, id);
                st.setString(2, owner);
                st.setString(3, level);
                st.setInt(4, thinkingSeconds);
                st.setString(5, now);
                st.executeUpdate();
            }
            try (PreparedStatement st = db.prepareStatement(
                "INSERT INTO interview_questions (interview_id, position, question_id) VALUES (?, ?, ?)")) {
                for (int i = 0; i < questionIds.size(); i++) {
                    st.setString(1, id);
                    st.setInt(2, i);
                    st.setString(3, questionIds.get(i));
                    st.addBatch();
                }
                st.executeBatch();
            }
            return null;
        });
        return new Interview(id, owner, level, thinkingSeconds, now,
            questionIds.stream().map(q -> new Interview.Question(q, null)).toList());
    }

    @Override
    public synchronized List<Interview> interviews(String owner) {
        return interviewsWhere("owner = ?", owner);
    }

    @Override
    public synchronized Optional<Interview> interview(String id) {
        return interviewsWhere("id = ?", id).stream().findFirst();
    }

    private List<Interview> interviewsWhere(String where, String arg) {
        return query("SELECT id, owner, level, thinking_seconds, started_at FROM interviews WHERE " + where + " ORDER BY started_at DESC",
            rs -> new Interview(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5), null), arg)
            .stream().map(i -> new Interview(i.id(), i.owner(), i.level(), i.thinkingSeconds(), i.startedAt(),
                query("SELECT question_id, attempt_id FROM interview_questions WHERE interview_id = ? ORDER BY position",
                    rs -> new Interview.Question(rs.getString(1), rs.getString(2)), i.id())))
            .toList();
    }

    @Override
    public synchronized boolean answerInterview(String interviewId, int position, String attemptId) {
        return update("UPDATE interview_questions SET attempt_id = ? WHERE interview_id = ? AND position = ?",
            attemptId, interviewId, position) > 0;
    }

    /** Work on the database that is kept whole or not at all. */
    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection db) throws SQLException;
    }

    /** Runs {@code work} in one transaction (explicit BEGIN and COMMIT, as {@link #appendHeard} explains). */
    private <T> T inTransaction(SqlWork<T> work) {
        checkWritable();
        try {
            Connection db = connection();
            exec(db, begin());
            try {
                T result = work.run(db);
                exec(db, "COMMIT");
                return result;
            } catch (SQLException e) {
                rollback(db);
                throw e;
            }
        } catch (SQLException e) {
            throw failure(WRITE, e);
        }
    }

    private static Double nullableDouble(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    private static Integer nullableInt(ResultSet rs, int column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    /** One row of a query's result, read into a value. */
    interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** The rows of a query, read by {@code row}; a failure is one line for a person. */
    synchronized <T> List<T> query(String sql, Row<T> row, Object... args) {
        List<T> out = new ArrayList<>();
        try (PreparedStatement st = connection().prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(row.read(rs));
                }
            }
        } catch (SQLException e) {
            throw failure(READ, e);
        }
        return out;
    }

    @Override
    public TeamStore team() {
        return team;
    }

    synchronized int update(String sql, Object... args) {
        checkWritable();
        try (PreparedStatement st = connection().prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i]);
            }
            return st.executeUpdate();
        } catch (SQLException e) {
            throw failure(WRITE, e);
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
