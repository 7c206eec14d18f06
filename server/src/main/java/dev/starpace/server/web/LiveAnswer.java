package dev.starpace.server.web;

import dev.starpace.engine.Analyzer;
import dev.starpace.engine.Level;
import dev.starpace.engine.Phase;
import dev.starpace.engine.ScoredTranscript;
import dev.starpace.engine.bank.Card;
import dev.starpace.engine.bank.UnknownQuestionException;
import dev.starpace.engine.delivery.InputQuality;
import dev.starpace.engine.probe.FindingProbes;
import dev.starpace.engine.probe.ProbeJudge;
import dev.starpace.engine.probe.ProbeVerdict;
import dev.starpace.engine.timing.PhaseTiming;
import dev.starpace.engine.timing.Timing;
import dev.starpace.engine.transcript.Word;
import dev.starpace.server.speech.AnswerSession;
import dev.starpace.server.speech.NoSpeechException;
import dev.starpace.server.speech.Nudge;
import dev.starpace.server.speech.SessionListener;
import dev.starpace.server.speech.SpeechModel;
import dev.starpace.server.store.AnswerRecorder;
import dev.starpace.server.store.Attempt;
import dev.starpace.server.store.AttemptStore;
import dev.starpace.server.store.FollowUp;
import dev.starpace.server.store.StorageException;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One live answer, from its socket's start to its end: the one owner of the recognizer (and its native memory), the
 * recorder and the admission slot, which it lets go exactly once, when it ends.
 * <pre>socket → messages → [mailbox] → session (Vosk, segmenter, TarsosDSP) → events → socket
 *                                     ↘ recorder → store</pre>
 * Messages are handled one at a time, in order, whatever threads deliver them: one that arrives while another is
 * handled — from Jetty closing the socket on another thread, or on this very thread from inside a send — waits in the
 * mailbox until the one before it is done. (Handled in place, a socket dropped during the stop's last send once scored
 * the answer a second time inside the first, on a recognizer the first had freed: the JVM died of a double free.)
 */
final class LiveAnswer implements SessionListener {
    /** What every live answer draws on; {@code owner} owns the attempts it makes (the socket's person: forOwner). */
    record Services(Analyzer analyzer, SpeechModel model, AttemptStore store, String owner, LatencyRecorder latency, LiveLoad load) {
        /** The same, making {@code owner}'s attempts: each socket's signed-in person. */
        Services forOwner(String owner) {
            return new Services(analyzer, model, store, owner, latency, load);
        }
    }

    private enum State { WAITING, HEARING, ENDED }

    /** A follow-up's recording is kept up to ten minutes (19 MB); an answer that runs on is judged whole, replayed to there. */
    static final int FOLLOW_UP_BYTES = 10 * 60 * dev.starpace.server.audio.Audio.SPEECH_RATE * 2;

    private static final Logger LOG = LoggerFactory.getLogger(LiveAnswer.class);
    static final String NO_SPEECH = "No words were heard, so nothing was kept: check the microphone is on and not muted, then start again.";

    private final Services services;
    private final Outbox outbox;
    private final Queue<LiveMessage> mailbox = new ConcurrentLinkedQueue<>();
    /** Done when the answer has ended, however it ended. */
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private final AtomicBoolean handling = new AtomicBoolean();

    private State state = State.WAITING;
    private Card card;
    private Level level;
    private LiveMessage.Mode mode;
    private Integer probe;
    private String followUpOf;
    /** A follow-up's recording, kept whole in memory until it is judged and stored with its verdict (at most FOLLOW_UP_BYTES). */
    private java.io.ByteArrayOutputStream followUpAudio;
    private AnswerRecorder recorder;
    private AnswerSession session;
    private LiveLoad.Stream stream;
    /** When the audio of the latest frame arrived, and whether the words it brought have been timed. */
    private long arrived;
    private boolean reported;

    LiveAnswer(Services services, Outbox outbox) {
        this.services = services;
        this.outbox = outbox;
    }

    /** Hands a message to the answer; it is handled now on this thread, or after the one being handled. */
    void submit(LiveMessage message) {
        mailbox.add(message);
        // the check after letting go catches a message added between the last poll and the release
        while (!mailbox.isEmpty() && handling.compareAndSet(false, true)) {
            try {
                for (LiveMessage m; (m = mailbox.poll()) != null; ) {
                    handleSafely(m);
                }
            } finally {
                handling.set(false);
            }
        }
    }

    private void handleSafely(LiveMessage m) {
        try {
            handle(m);
        } catch (RuntimeException e) {
            // a bug: the log gets the details, the client one line and a clean close; what was heard is kept
            LOG.error("live answer {} failed", recorder == null ? "-" : recorder.attemptId(), e);
            refuse(1011, "internal", "the server failed on this answer; what was heard so far is kept");
        }
    }

    /** Done when the answer has ended, however it ended. */
    CompletableFuture<Void> ended() {
        return ended;
    }

    private void handle(LiveMessage m) {
        if (m instanceof LiveMessage.Shutdown && state != State.ENDED) {
            // the browser hears why (1001: going away) and what was heard is kept, as for a dropped socket
            refuse(1001, "server-stopping", "StarPace is shutting down; what was heard of this answer is kept");
            return;
        }
        switch (state) {
            case ENDED -> {
                // the answer is over: a late frame, a stop after the end, the socket closing after it
            }
            case WAITING -> {
                if (m instanceof LiveMessage.StartRequest start) {
                    start(start);
                } else if (m instanceof LiveMessage.Malformed bad) {
                    refuse(1008, bad.error(), bad.message());
                } else if (m instanceof LiveMessage.StopRequest) {
                    refuse(1008, "bad-start", "the first message must have \"type\":\"start\"");
                } else if (m instanceof LiveMessage.AudioFrame) {
                    refuse(1008, "binary-before-start", "send {\"type\":\"start\", ...} before any audio");
                } else if (m instanceof LiveMessage.Refused r) {
                    refuse(r.closeCode(), r.error(), r.message());
                } else {
                    end(1000, "gone");
                }
            }
            case HEARING -> {
                if (m instanceof LiveMessage.AudioFrame frame) {
                    hear(frame);
                } else if (m instanceof LiveMessage.StopRequest request) {
                    stop(request.cutOff());
                } else if (m instanceof LiveMessage.Refused r) {
                    refuse(r.closeCode(), r.error(), r.message());
                } else if (m instanceof LiveMessage.Gone) {
                    keepIncomplete();
                    end(1001, "gone");
                } else {
                    refuse(1003, "text-not-binary", "after start, send audio as binary PCM16 frames, or {\"type\":\"stop\"}");
                }
            }
        }
    }

    private void start(LiveMessage.StartRequest start) {
        Analyzer analyzer = services.analyzer();
        try {
            card = analyzer.bank().get(start.question());
            level = Level.parse(start.level() == null ? "sde2" : start.level());
        } catch (UnknownQuestionException e) {
            refuse(1008, "unknown-question", Api.unknownQuestion(analyzer, start.question()));
            return;
        } catch (IllegalArgumentException e) {
            refuse(1008, "bad-start", "unknown level '" + Echo.of(start.level()) + "' (expected sde1, sde2 or senior)");
            return;
        }
        mode = start.mode();
        if (mode != LiveMessage.Mode.PROBE && !withinAttemptsAllowed()) {
            return;
        }
        stream = services.load().admit(this);
        if (stream == null) {
            // past what the machine can hear in real time every answer would lag: this one waits instead
            LiveEvents.Error busy = LiveEvents.busy(services.load().max(), LiveLoad.RETRY_AFTER_SECONDS);
            outbox.send(busy, false);
            end(1013, busy.code());
            return;
        }
        if (mode == LiveMessage.Mode.PROBE) {
            if (!probeStarted(start)) {
                return;
            }
        } else {
            try {
                Attempt attempt = services.store().start(services.owner(), card.id(), level.id(), mode.id());
                recorder = AnswerRecorder.of(services.store(), attempt.id(), this::storageFailed);
            } catch (StorageException e) {
                // nothing heard yet: the answer cannot be kept, so it is not begun
                refuse(1011, "storage", e.getMessage() + "; the answer cannot be kept, try again later");
                return;
            }
        }
        session = new AnswerSession(analyzer, services.model(), card, level, this);
        state = State.HEARING;
        outbox.send(new LiveEvents.Ready("ready", recorder == null ? null : recorder.attemptId(), card.id(), card.lp(),
            level.id(), mode.id(), Timing.targets(card, level), Timing.budget(card, level)[1], probe), false);
    }

    /** Whether an assignment of the candidate's still allows a take of this question at this level; refused when not. */
    private boolean withinAttemptsAllowed() {
        String used;
        try {
            used = new AttemptLimits(services.store()).refusal(services.owner(), card.id(), level.id());
        } catch (StorageException e) {
            refuse(1011, "storage", e.getMessage() + "; the answer cannot be kept, try again later");
            return false;
        }
        if (used != null) {
            refuse(1008, "attempts-used", used);
            return false;
        }
        return true;
    }

    /** A follow-up's probe and the mock interview it is kept with; false when refused. */
    private boolean probeStarted(LiveMessage.StartRequest start) {
        int n = start.probe() == null ? -1 : start.probe();
        // the card's probes, then the ones about what the answer left out (FindingProbes)
        if (n < 0 || n >= FindingProbes.all(card).size()) {
            refuse(1008, "bad-start", "question " + card.id() + " has no probe " + n);
            return false;
        }
        probe = n;
        if (start.attemptId() != null) {
            Attempt interview;
            try {
                interview = services.store().get(start.attemptId()).orElse(null);
            } catch (StorageException e) {
                // as for an answer: what cannot be kept is not begun
                refuse(1011, "storage", e.getMessage() + "; the follow-up cannot be kept, try again later");
                return false;
            }
            // another person's attempt is refused as one that is not there: its existence does not leak
            if (interview == null || !interview.owner().equals(services.owner()) || !interview.questionId().equals(card.id())) {
                refuse(1008, "bad-start", "follow-ups are kept with a mock interview of this question; that attempt is not one");
                return false;
            }
            followUpOf = interview.id();
            followUpAudio = new java.io.ByteArrayOutputStream();
        }
        return true;
    }

    private void hear(LiveMessage.AudioFrame frame) {
        if (recorder != null) {
            recorder.audio(frame.pcm());
        } else if (followUpAudio != null && followUpAudio.size() + frame.pcm().length <= FOLLOW_UP_BYTES) {
            followUpAudio.writeBytes(frame.pcm());
        }
        arrived = frame.arrivedNanos();
        reported = false;
        session.accept(frame.pcm(), frame.pcm().length);
        stream.heard(session.elapsedSeconds(), recorder == null ? "(follow-up)" : recorder.attemptId());
    }

    private void stop(boolean cutOff) {
        ScoredTranscript t;
        try {
            t = session.finish();
        } catch (NoSpeechException e) {
            if (probe != null) {
                judged(List.of());
                end(1000, "done");
            } else {
                // stopped on purpose with no word heard: nothing to replay or score, so not kept to clutter the history
                if (!recorder.discard()) {
                    recorder.finish(Attempt.INCOMPLETE, null);
                }
                outbox.send(LiveEvents.error("no-speech", NO_SPEECH), false);
                end(1000, "no-speech");
            }
            return;
        }
        if (probe != null) {
            judged(t.words().stream().map(w -> new Word(w.word(), w.start(), w.end())).toList());
        } else {
            // an answer left mid-way is scored but kept as cut off: not a finished take for progress
            boolean kept = recorder.finish(cutOff ? Attempt.INCOMPLETE : Attempt.COMPLETE, t);
            outbox.send(new LiveEvents.Scored("scored", kept ? recorder.attemptId() : null, t), false);
        }
        end(1000, "done");
    }

    /**
     * Judges a follow-up answer, keeps it with its mock interview, and sends the verdict; when it cannot be kept
     * the verdict is still sent, after a {@code storage} error saying so.
     */
    private void judged(List<Word> words) {
        ProbeVerdict verdict = ProbeJudge.judge(card, probe, words);
        if (followUpOf != null) {
            try {
                byte[] pcm = followUpAudio.toByteArray();
                services.store().saveFollowUp(followUpOf, new FollowUp(probe, String.join(" ", words.stream().map(Word::word).toList()),
                    verdict, pcm.length > 0), pcm);
            } catch (StorageException e) {
                LOG.warn("follow-up of attempt {}: {}", followUpOf, e.getMessage(), e);
                outbox.send(LiveEvents.error("storage", e.getMessage() + "; the follow-up is judged but not kept with the interview"), false);
            }
        }
        outbox.send(new LiveEvents.Probe("probe", verdict, words), false);
    }

    /** The answer ends before its stop: what was heard is kept, scored, as incomplete (or deleted if nothing was). */
    private void keepIncomplete() {
        if (recorder == null || session == null) {
            return;
        }
        recorder.flush();
        if (recorder.deleteIfSilent()) {
            return;
        }
        ScoredTranscript t = null;
        try {
            t = session.finish();
        } catch (NoSpeechException e) {
            // nothing heard: the attempt keeps its audio and no transcript
        } catch (RuntimeException e) {
            LOG.error("scoring the cut-off answer {} failed; its audio and words are kept", recorder.attemptId(), e);
        }
        recorder.finish(Attempt.INCOMPLETE, t);
    }

    /** Sends an error event and ends the answer with its close code; what was heard before it is kept. */
    private void refuse(int code, String error, String message) {
        outbox.send(LiveEvents.error(error, message), false);
        if (state == State.HEARING) {
            try {
                keepIncomplete();
            } catch (RuntimeException e) {
                LOG.error("keeping the refused answer {} failed", recorder == null ? "-" : recorder.attemptId(), e);
            }
        }
        end(code, error);
    }

    /** The one way an answer ends: its recognizer freed, its place let go, its socket closed — each once. */
    private void end(int code, String reason) {
        if (state == State.ENDED) {
            return;
        }
        state = State.ENDED;
        try {
            services.load().release(this);
            if (session != null) {
                session.close();
            }
            outbox.close(code, reason);
        } finally {
            ended.complete(null);
        }
    }

    private void storageFailed(StorageException e) {
        LOG.warn("attempt {}: {}", recorder == null ? "-" : recorder.attemptId(), e.getMessage(), e);
        outbox.send(LiveEvents.error("storage", e.getMessage()
            + "; the answer goes on and is scored, but what follows is not kept"), false);
    }

    // SessionListener: the session calls these on the thread handling this answer's message

    @Override
    public void partial(List<Word> words, Phase phase) {
        sent(outbox.send(new LiveEvents.Partial("partial", words, phase), true));
    }

    @Override
    public void words(List<ScoredTranscript.ScoredWord> words, int firstChanged) {
        sent(outbox.send(new LiveEvents.Words("words", firstChanged, words.subList(firstChanged, words.size())), false));
        if (recorder != null && words.size() > recorder.wordsHeard()) {
            recorder.words(words.subList(recorder.wordsHeard(), words.size()).stream()
                .map(w -> new Word(w.word(), w.start(), w.end(), w.conf())).toList());
        }
    }

    @Override
    public void timers(List<PhaseTiming> phases, double elapsed) {
        outbox.send(LiveEvents.Timers.of(elapsed, phases), false);
    }

    @Override
    public void quality(InputQuality quality) {
        outbox.send(LiveEvents.Quality.of(quality), false);
    }

    @Override
    public void nudge(Nudge n) {
        if (mode.nudges()) {
            outbox.send(new LiveEvents.Nudge("nudge", n.kind(), n.phase(), n.text(), n.atSeconds()), false);
        }
    }

    private void sent(boolean ok) {
        if (ok && !reported) {
            reported = true;
            services.latency().record(arrived);
        }
    }
}
