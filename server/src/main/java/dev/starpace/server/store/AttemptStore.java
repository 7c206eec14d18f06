package dev.starpace.server.store;

import dev.starpace.engine.ScoredTranscript;
import dev.starpace.engine.bank.OwnQuestion;
import dev.starpace.engine.bank.Story;
import dev.starpace.engine.transcript.Word;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Where attempts are kept: each attempt's owner and metadata, its scored transcript, a mock interview's follow-up
 * answers, its audio and the words heard, appended while the answer streams so that a dropped connection or a crash
 * keeps what was heard. The server, the live recorder, crash recovery and the API all use this one interface; personal
 * mode keeps attempts in an embedded SQLite file ({@link #open(Path)}), team mode in PostgreSQL
 * ({@link PostgresAttemptStore}). Both promise the same: a phrase's words and the audio they came from are written in
 * one transaction, and every failure is a {@link StorageException} with one line for a person.
 */
public interface AttemptStore extends AutoCloseable {
    /** Caps the SQLite database at this many pages: how the tests make a full disk without mounting one. */
    String MAX_PAGES_PROPERTY = "starpace.maxDbPages";

    /** Personal mode's store: DIR/starpace.db, made or brought up to date. */
    static AttemptStore open(Path dataDir) {
        return SqliteAttemptStore.open(dataDir);
    }

    /** What is wrong with the store under the running server (a file deleted, a database unreachable), or null. */
    String problem();

    /** A new attempt of {@code owner}'s, {@code recording}. */
    Attempt start(String owner, String questionId, String level, String mode);

    /**
     * Keeps an answer scored whole (a written one) as a complete attempt, in one insert: a failed write leaves
     * nothing behind, not an attempt still recording that startup would take for one a crash cut off.
     */
    Attempt keep(String owner, String questionId, String level, String mode, ScoredTranscript transcript);

    /** Appends 16 kHz 16-bit mono PCM to the attempt's audio. */
    default void appendAudio(String id, int seq, byte[] pcm, int length) {
        appendHeard(id, seq, length == pcm.length ? pcm : Arrays.copyOf(pcm, length), 0, List.of());
    }

    /**
     * Appends, in one transaction, audio (when {@code pcm} is not null) and the words finalised from it, numbered
     * from {@code firstWord}: a crash leaves both or neither.
     */
    void appendHeard(String id, int audioSeq, byte[] pcm, int firstWord, List<Word> words);

    void finish(String id, String status, ScoredTranscript transcript);

    /** The owner's attempts, newest first; of one question when {@code questionId} is not null. */
    List<Attempt> list(String owner, String questionId);

    /** Attempts still {@code recording}. */
    List<Attempt> recording();

    /**
     * The attempts a crash cut off, for crash recovery to score and keep: with one instance on the store, every one still
     * recording at its start; with several on one team database, those an instance that has ended left (PostgresAttemptStore).
     */
    default List<Attempt> cutOff() {
        return recording();
    }

    /** The attempt with its transcript and follow-ups. */
    Optional<Attempt> get(String id);

    /** The words stored as they were heard, in order. */
    List<Word> words(String id);

    /** Keeps a follow-up's answer with its mock interview; answering the same probe again replaces it. */
    default void saveFollowUp(String attemptId, FollowUp followUp) {
        saveFollowUp(attemptId, followUp, null);
    }

    /**
     * The same with the follow-up's recording ({@code pcm}: 16 kHz 16-bit mono, or null for none), kept in the same row:
     * an answer again replaces both.
     */
    void saveFollowUp(String attemptId, FollowUp followUp, byte[] pcm);

    /** A follow-up's recording as a 16 kHz 16-bit mono WAV, or empty when it has none. */
    Optional<byte[]> followUpAudio(String attemptId, int probe);

    /** How many pieces of audio are stored for the attempt: the next piece is stored with this number. */
    int audioChunks(String id);

    /** The attempt's audio as 16 kHz 16-bit mono PCM (empty when none was stored). */
    byte[] pcm(String id);

    /** The attempt's audio as a 16 kHz 16-bit mono WAV file, or empty when there is no such attempt. */
    Optional<byte[]> audio(String id);

    /** Deletes the attempt with its audio, words and follow-ups. */
    boolean delete(String id);

    /**
     * Deletes every attempt started before {@code cutoff} that is no longer recording, with its audio, words, follow-ups,
     * sharing, comments and scores: the retention period an admin sets. How many were deleted.
     */
    int deleteStartedBefore(java.time.Instant cutoff);

    /** Deletes the attempt if no audio was ever stored for it: a start with nothing after it leaves no row. */
    boolean deleteIfSilent(String id);

    /** Which of several instances on one database this is (team mode), or null. */
    default String instance() {
        return null;
    }

    /** Team mode's people and sessions, in the same database. */
    TeamStore team();
    /** Keeps a question the owner wrote. */
    void saveQuestion(String owner, OwnQuestion question);

    /** The owner's own questions, newest first. */
    List<OwnQuestion> questions(String owner);

    /** An own question, whoever wrote it (the id is a random one). */
    Optional<OwnQuestion> question(String id);

    /** Deletes an own question and, in the same transaction, every take of it with its audio: nothing left to score. */
    boolean deleteQuestion(String id);

    /** Keeps a story of the owner's story bank, with the LPs it answers. */
    void saveStory(String owner, Story story);

    /** The owner's stories, newest first. */
    List<Story> stories(String owner);

    /** Deletes a story; the takes that told it stay, untold. */
    boolean deleteStory(String owner, String id);

    /** Says which of the owner's stories a take told (null: none); false when the take or the story is not theirs. */
    boolean tellStory(String owner, String attemptId, String storyId);

    /** The story a take told, or null. */
    String storyOf(String attemptId);

    /** The takes that told a story, newest first (without transcripts). */
    List<Attempt> takesOf(String storyId);

    /** Starts a mock interview of {@code owner}'s: the questions in the order they will be asked, none answered yet. */
    Interview startInterview(String owner, String level, int thinkingSeconds, List<String> questionIds);

    /** The owner's interviews, newest first. */
    List<Interview> interviews(String owner);

    /** An interview, whoever's it is (the id is a random one). */
    Optional<Interview> interview(String id);

    /** Records the take that answered the interview's question at {@code position}; false when there is no such question. */
    boolean answerInterview(String interviewId, int position, String attemptId);

    @Override
    void close();
}
