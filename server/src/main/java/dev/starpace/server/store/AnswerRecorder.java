package dev.starpace.server.store;

import dev.starpace.engine.ScoredTranscript;
import dev.starpace.engine.transcript.Word;
import dev.starpace.server.audio.Audio;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What of one answer is stored, as it is heard: audio in pieces of about a second, each phrase's words with the audio
 * they came from in one transaction, and the attempt's end. It alone counts the audio pieces and words stored, so
 * what is stored is always a prefix of what was heard.
 *
 * <p>While another program holds the database's lock (a backup, a sqlite3 shell), what could not be written waits here,
 * up to {@link #BACKLOG_BYTES} of audio, and is written whole, in order, once the lock is gone: a lock of a minute loses
 * nothing. Any other failure, or a backlog past its bound, is reported once; nothing after it is stored, and the
 * attempt ends incomplete. Not thread-safe: the live answer that owns it calls it on one thread.
 */
public final class AnswerRecorder {
    /** Audio is written to the database in pieces of about a second. */
    public static final int STORE_BYTES = Audio.SPEECH_RATE * 2;
    /** Two minutes of audio held in memory while the database is locked (3.8 MB). */
    static final int BACKLOG_BYTES = Audio.SPEECH_RATE * 2 * 120;
    /** While locked, a write is tried again after this much more audio: each try waits SQLite's busy timeout (3 s). */
    static final int RETRY_BYTES = Audio.SPEECH_RATE * 2 * 5;
    /** How long the end of an answer waits for a lock to go before the attempt is left to crash recovery (ms). */
    static final long FINISH_PATIENCE_MILLIS = Long.getLong("starpace.finishPatienceMillis", 60_000);

    private final AttemptStore store;
    private final String attemptId;
    private final Consumer<StorageException> onFailure;
    private final ByteArrayOutputStream unsaved = new ByteArrayOutputStream();
    /** Words heard but not yet stored (a phrase's, or several while the database is locked). */
    private final List<Word> unsavedWords = new ArrayList<>();
    private int seq;
    private int wordsStored;
    private boolean failed;
    /** Unsaved audio size at which a locked database is tried again; -1 while nothing waits on a lock. */
    private int retryAt = -1;

    private AnswerRecorder(AttemptStore store, String attemptId, int seq, int wordsStored, Consumer<StorageException> onFailure) {
        this.store = store;
        this.attemptId = attemptId;
        this.seq = seq;
        this.wordsStored = wordsStored;
        this.onFailure = onFailure;
    }

    /** Records a new attempt from its first word. */
    public static AnswerRecorder of(AttemptStore store, String attemptId, Consumer<StorageException> onFailure) {
        return new AnswerRecorder(store, attemptId, 0, 0, onFailure);
    }

    /** Goes on recording an attempt already partly stored (crash recovery adds what its stored audio still holds). */
    public static AnswerRecorder resume(AttemptStore store, String attemptId) {
        return new AnswerRecorder(store, attemptId, store.audioChunks(attemptId), store.words(attemptId).size(), e -> {
            throw e;
        });
    }

    public String attemptId() {
        return attemptId;
    }

    /** Words heard so far, stored or waiting: the next word given is word number this. */
    public int wordsHeard() {
        return wordsStored + unsavedWords.size();
    }

    /** Whether a write failed for good: what is stored stops short of the answer. */
    public boolean failed() {
        return failed;
    }

    /** Audio heard: stored once about a second has gathered. */
    public void audio(byte[] pcm) {
        if (failed) {
            return;
        }
        unsaved.writeBytes(pcm);
        if (unsaved.size() >= STORE_BYTES && (retryAt < 0 || unsaved.size() >= retryAt)) {
            write();
        }
    }

    /** Newly finalised words (numbered from {@link #wordsHeard()}), stored with the audio they came from. */
    public void words(List<Word> fresh) {
        if (failed || fresh.isEmpty()) {
            return;
        }
        unsavedWords.addAll(fresh);
        if (retryAt < 0 || unsaved.size() >= retryAt) {
            write();
        }
    }

    /** Stores whatever has not been stored yet, as far as the database lets it now. */
    public void flush() {
        if (!failed && (unsaved.size() > 0 || !unsavedWords.isEmpty())) {
            write();
        }
    }

    /** Writes everything waiting, audio and words, in one transaction. */
    private void write() {
        byte[] pcm = unsaved.size() > 0 ? unsaved.toByteArray() : null;
        List<Word> words = List.copyOf(unsavedWords);
        try {
            store.appendHeard(attemptId, seq, pcm, wordsStored, words);
        } catch (StorageException e) {
            if (e.busy() && unsaved.size() < BACKLOG_BYTES) {
                retryAt = unsaved.size() + RETRY_BYTES;
                return;
            }
            fail(e);
            return;
        }
        if (pcm != null) {
            seq++;
            unsaved.reset();
        }
        wordsStored += words.size();
        unsavedWords.clear();
        retryAt = -1;
    }

    private void fail(StorageException e) {
        if (!failed) {
            failed = true;
            onFailure.accept(e);
        }
    }

    /** Whether nothing of the answer was heard: no audio stored or waiting. */
    public boolean silent() {
        return !failed && seq == 0 && unsaved.size() == 0;
    }

    /** Deletes the attempt whatever was stored of it (an answer stopped with no word heard); false if it could not be. */
    public boolean discard() {
        unsaved.reset();
        unsavedWords.clear();
        return quietly(() -> store.delete(attemptId));
    }

    /** Deletes the attempt if no audio of it was stored: nothing followed the start. */
    public boolean deleteIfSilent() {
        return silent() && quietly(() -> store.deleteIfSilent(attemptId));
    }

    /**
     * Ends the attempt with its status and transcript; true when it is kept with them. What waits on a lock is written
     * first, waiting up to {@link #FINISH_PATIENCE_MILLIS} for the lock to go. After a failed write the stored audio
     * stops short of the answer, so it is incomplete; when even the end cannot be written, the status alone may still
     * fit (a full disk): it is then incomplete, not left recording.
     */
    public boolean finish(String status, ScoredTranscript transcript) {
        long deadline = System.currentTimeMillis() + FINISH_PATIENCE_MILLIS;
        while (true) {
            flush();
            if (retryAt < 0 || failed) {
                try {
                    store.finish(attemptId, failed ? Attempt.INCOMPLETE : status, transcript);
                    return quietly(() -> store.get(attemptId).isPresent()); // deleted meanwhile: not kept
                } catch (StorageException e) {
                    if (!e.busy() || failed) {
                        fail(e);
                        break;
                    }
                }
            }
            if (System.currentTimeMillis() >= deadline) {
                // still locked: left recording, so that the next start recovers it from what is stored
                fail(new StorageException("cannot write to the attempt database: another program kept it locked"));
                return false;
            }
            pause();
        }
        quietly(() -> {
            store.finish(attemptId, Attempt.INCOMPLETE, null);
            return true;
        });
        return false;
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A store call whose failure was already reported, or does not matter: false when it fails. */
    private static boolean quietly(java.util.function.BooleanSupplier query) {
        try {
            return query.getAsBoolean();
        } catch (StorageException e) {
            return false;
        }
    }
}
