package dev.starpace.server.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
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
import dev.starpace.server.audio.Audio;
import dev.starpace.server.speech.AnswerSession;
import dev.starpace.server.speech.NoSpeechException;
import dev.starpace.server.speech.Nudge;
import dev.starpace.server.speech.SessionListener;
import dev.starpace.server.speech.SpeechModel;
import dev.starpace.server.store.Attempt;
import dev.starpace.server.store.AttemptStore;
import dev.starpace.server.store.FollowUp;
import dev.starpace.server.store.StorageException;
import io.javalin.websocket.WsBinaryMessageContext;
import io.javalin.websocket.WsCloseContext;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsConnectContext;
import io.javalin.websocket.WsContext;
import io.javalin.websocket.WsMessageContext;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.websocket.api.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live answer socket (docs/live-protocol.md): a start message, then binary 16 kHz PCM16 frames, then stop.
 * Audio is processed on the socket's own thread as it arrives, so a client sending faster than the server
 * can hear is slowed by TCP rather than buffered (and not timed out meanwhile: {@link IdleSockets}); audio is
 * stored as it streams, so a dropped connection keeps what was heard and the attempt is saved as incomplete.
 */
final class AnswerSocket {
    /** Two seconds of audio: larger frames are refused. */
    static final int MAX_FRAME_BYTES = 64 * 1024;
    /** Audio is written to the database in pieces of about a second. */
    static final int STORE_BYTES = Audio.SPEECH_RATE * 2;
    static final Set<String> MODES = Set.of("practice", "mock", "probe");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(AnswerSocket.class);
    private static final String START_SHAPE =
        "{\"type\":\"start\",\"question\":ID,\"level\":\"sde2\",\"mode\":\"practice\"}";

    private final Analyzer analyzer;
    private final SpeechModel model;
    private final AttemptStore store;
    private final LatencyRecorder latency;
    private final LiveLoad load;
    private final IdleSockets idle;
    private final Map<String, Connection> connections = new ConcurrentHashMap<>();

    AnswerSocket(Analyzer analyzer, SpeechModel model, AttemptStore store, LatencyRecorder latency, LiveLoad load,
                 IdleSockets idle) {
        this.analyzer = analyzer;
        this.model = model;
        this.store = store;
        this.latency = latency;
        this.load = load;
        this.idle = idle;
    }

    void configure(WsConfig ws) {
        ws.onConnect(this::connect);
        ws.onMessage(this::text);
        ws.onBinaryMessage(this::binary);
        ws.onClose(this::close);
        ws.onError(ctx -> close(ctx.sessionId()));
    }

    /** One open socket and the answer it carries. */
    private final class Connection implements SessionListener {
        final Outbox outbox;
        Card card;
        Level level;
        String mode;
        Integer probe;
        String followUpOf;
        Attempt attempt;
        AnswerSession session;
        /** Its place among the answers heard at once; null until admitted. */
        LiveLoad.Stream stream;
        final ByteArrayOutputStream unsaved = new ByteArrayOutputStream();
        int seq;
        /** Words stored so far: the next finalised word is stored with this number. */
        int wordsStored;
        /** A write failed: nothing more is stored, so what is stored stays a prefix of what was heard. */
        boolean storageFailed;
        long arrived;
        boolean reported;

        Connection(Outbox outbox) {
            this.outbox = outbox;
        }

        @Override
        public void partial(List<Word> words, Phase phase) {
            sent(outbox.send(new LiveEvents.Partial("partial", words, phase), true));
        }

        @Override
        public void words(List<ScoredTranscript.ScoredWord> words, int firstChanged) {
            sent(outbox.send(new LiveEvents.Words("words", firstChanged, words.subList(firstChanged, words.size())), false));
            keepWords(words);
        }

        /** Stores the newly finalised words with the audio they came from, in one transaction. */
        private void keepWords(List<ScoredTranscript.ScoredWord> words) {
            if (attempt == null || storageFailed || words.size() <= wordsStored) {
                return;
            }
            List<Word> fresh = words.subList(wordsStored, words.size()).stream()
                .map(w -> new Word(w.word(), w.start(), w.end(), w.conf())).toList();
            byte[] pcm = unsaved.size() > 0 ? unsaved.toByteArray() : null;
            if (write(() -> store.appendHeard(attempt.id(), seq, pcm, wordsStored, fresh))) {
                if (pcm != null) {
                    seq++;
                    unsaved.reset();
                }
                wordsStored = words.size();
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
            if (!"mock".equals(mode)) {
                outbox.send(new LiveEvents.Nudge("nudge", n.kind(), n.phase(), n.text(), n.atSeconds()), false);
            }
        }

        private void sent(boolean ok) {
            if (ok && !reported) {
                reported = true;
                latency.record(arrived);
            }
        }

        void saveAudio(boolean all) {
            if (attempt != null && !storageFailed && (all ? unsaved.size() > 0 : unsaved.size() >= STORE_BYTES)) {
                byte[] bytes = unsaved.toByteArray();
                if (write(() -> store.appendAudio(attempt.id(), seq, bytes, bytes.length))) {
                    seq++;
                    unsaved.reset();
                }
            }
        }

        /**
         * Runs a write to the store; when it fails the client hears it once (a {@code storage} error event) and
         * the answer goes on, scored at the end but no longer stored.
         */
        boolean write(Runnable write) {
            try {
                write.run();
                return true;
            } catch (StorageException e) {
                if (!storageFailed) {
                    storageFailed = true;
                    LOG.warn("attempt {}: {}", attempt == null ? "-" : attempt.id(), e.getMessage(), e);
                    outbox.send(LiveEvents.error("storage", e.getMessage()
                        + "; the answer goes on and is scored, but what follows is not kept"), false);
                }
                return false;
            }
        }

        /**
         * Finishes the stored attempt; true when it is kept with its transcript. When that cannot be written, the
         * status alone may still fit (a full disk): the attempt is then incomplete, not left recording.
         */
        boolean finishAttempt(String status, ScoredTranscript t) {
            if (attempt == null) {
                return false;
            }
            // after a failed write the stored audio stops short of the answer: the attempt is incomplete
            String kept = storageFailed ? Attempt.INCOMPLETE : status;
            if (write(() -> store.finish(attempt.id(), kept, t))) {
                return ask(() -> store.get(attempt.id()).isPresent()); // deleted meanwhile: not kept
            }
            ask(() -> {
                store.finish(attempt.id(), Attempt.INCOMPLETE, null);
                return true;
            });
            return false;
        }

        /** Deletes the attempt if no audio of it was stored: nothing followed the start. */
        boolean deleteIfSilent() {
            return attempt != null && !storageFailed && seq == 0 && unsaved.size() == 0 && ask(() -> store.deleteIfSilent(attempt.id()));
        }

        /** A store call whose failure was already reported (or does not matter): false when it fails. */
        private boolean ask(java.util.function.BooleanSupplier query) {
            try {
                return query.getAsBoolean();
            } catch (StorageException e) {
                LOG.warn("attempt {}: {}", attempt.id(), e.getMessage(), e);
                return false;
            }
        }
    }

    private void connect(WsConnectContext ctx) {
        Connection c = new Connection(new Outbox(ctx.session));
        connections.put(ctx.sessionId(), c);
        idle.opened(ctx.sessionId(), ctx.session);
        String origin = ctx.header("Origin");
        String host = ctx.header("Host");
        if (origin != null && !origin.equals("http://" + host) && !origin.equals("https://" + host)) {
            fail(ctx, c, 1008, "origin", "this socket only serves pages from " + host + ", not " + origin);
        }
    }

    private void text(WsMessageContext ctx) {
        Connection c = connections.get(ctx.sessionId());
        if (c == null) {
            return;
        }
        idle.during(ctx.sessionId(), () -> answer(ctx, c));
    }

    private void answer(WsMessageContext ctx, Connection c) {
        synchronized (c) {
            try {
                if (c.session == null) {
                    start(ctx, c, ctx.message());
                } else if (isStop(ctx.message())) {
                    stop(ctx, c);
                } else {
                    fail(ctx, c, 1003, "text-not-binary", "after start, send audio as binary PCM16 frames, or {\"type\":\"stop\"}");
                }
            } catch (RuntimeException e) {
                internal(ctx, c, e);
            }
        }
    }

    /** A bug: the log gets the details, the client one line and a clean close; what was heard is kept. */
    private void internal(WsContext ctx, Connection c, RuntimeException e) {
        LOG.error("live answer {} failed", c.attempt == null ? "-" : c.attempt.id(), e);
        try {
            fail(ctx, c, 1011, "internal", "the server failed on this answer; what was heard so far is kept");
        } catch (RuntimeException again) {
            LOG.error("could not close the failed answer", again);
            ctx.session.close(1011, "internal", Callback.NOOP);
        }
    }

    private void start(WsContext ctx, Connection c, String message) {
        LiveEvents.Start start;
        try {
            start = JSON.readValue(message, LiveEvents.Start.class);
        } catch (UnrecognizedPropertyException e) {
            fail(ctx, c, 1008, "bad-start", "the start message has an unknown field '" + Echo.of(e.getPropertyName())
                + "' (known: type, question, level, mode, probe, sampleRate, attemptId)");
            return;
        } catch (MismatchedInputException e) {
            String field = e.getPath().isEmpty() ? null : e.getPath().get(e.getPath().size() - 1).getFieldName();
            fail(ctx, c, 1008, "bad-start", field == null ? "the first message must be a JSON object: " + START_SHAPE
                : "the start message's field '" + Echo.of(field) + "' has the wrong type (" + START_SHAPE + ")");
            return;
        } catch (Exception e) {
            fail(ctx, c, 1008, "bad-start", "the first message must be " + START_SHAPE);
            return;
        }
        if (start == null) {
            fail(ctx, c, 1008, "bad-start", "the first message must be " + START_SHAPE + ", not null");
            return;
        }
        if (!"start".equals(start.type())) {
            fail(ctx, c, 1008, "bad-start", "the first message must have \"type\":\"start\"");
            return;
        }
        if (start.sampleRate() != null && start.sampleRate() != Audio.SPEECH_RATE) {
            fail(ctx, c, 1008, "bad-sample-rate", "send 16000 Hz mono PCM16, not " + start.sampleRate() + " Hz");
            return;
        }
        String mode = start.mode() == null ? "practice" : start.mode();
        if (!MODES.contains(mode)) {
            fail(ctx, c, 1008, "bad-start", "mode must be practice, mock or probe, not '" + Echo.of(mode) + "'");
            return;
        }
        try {
            c.card = analyzer.bank().get(start.question());
            c.level = Level.parse(start.level() == null ? "sde2" : start.level());
        } catch (UnknownQuestionException e) {
            fail(ctx, c, 1008, "unknown-question", Api.unknownQuestion(analyzer, start.question()));
            return;
        } catch (IllegalArgumentException e) {
            fail(ctx, c, 1008, "bad-start", "unknown level '" + Echo.of(start.level()) + "' (expected sde1, sde2 or senior)");
            return;
        }
        c.mode = mode;
        c.stream = load.admit(c);
        if (c.stream == null) {
            // past what the machine can hear in real time every answer would lag: this one waits instead
            send(ctx, c, 1013, LiveEvents.busy(load.max(), LiveLoad.RETRY_AFTER_SECONDS));
            return;
        }
        if (mode.equals("probe")) {
            int n = start.probe() == null ? -1 : start.probe();
            // the card's probes, then the ones about what the answer left out (FindingProbes)
            if (n < 0 || n >= FindingProbes.all(c.card).size()) {
                fail(ctx, c, 1008, "bad-start", "question " + c.card.id() + " has no probe " + n);
                return;
            }
            c.probe = n;
            if (start.attemptId() != null) {
                // a follow-up is kept with the mock interview it follows, when that interview is this question's
                Attempt interview;
                try {
                    interview = store.get(start.attemptId()).orElse(null);
                } catch (StorageException e) {
                    // as for an answer: what cannot be kept is not begun
                    fail(ctx, c, 1011, "storage", e.getMessage() + "; the follow-up cannot be kept, try again later");
                    return;
                }
                if (interview == null || !interview.questionId().equals(c.card.id())) {
                    fail(ctx, c, 1008, "bad-start", "follow-ups are kept with a mock interview of this question; that attempt is not one");
                    return;
                }
                c.followUpOf = interview.id();
            }
        } else {
            try {
                c.attempt = store.start(c.card.id(), c.level.id(), mode);
            } catch (StorageException e) {
                // nothing heard yet: the answer cannot be kept, so it is not begun
                fail(ctx, c, 1011, "storage", e.getMessage() + "; the answer cannot be kept, try again later");
                return;
            }
        }
        c.session = new AnswerSession(analyzer, model, c.card, c.level, c);
        c.outbox.send(new LiveEvents.Ready("ready", c.attempt == null ? null : c.attempt.id(), c.card.id(), c.card.lp(),
            c.level.id(), mode, Timing.targets(c.card, c.level), Timing.budget(c.card, c.level)[1], c.probe), false);
    }

    private void binary(WsBinaryMessageContext ctx) {
        long arrived = System.nanoTime();
        Connection c = connections.get(ctx.sessionId());
        if (c == null) {
            return;
        }
        idle.during(ctx.sessionId(), () -> hear(ctx, c, arrived));
    }

    private void hear(WsBinaryMessageContext ctx, Connection c, long arrived) {
        synchronized (c) {
            try {
                audio(ctx, c, arrived);
            } catch (RuntimeException e) {
                internal(ctx, c, e);
            }
        }
    }

    private void audio(WsBinaryMessageContext ctx, Connection c, long arrived) {
        ByteBuffer data = ctx.data();
        int length = data.remaining();
        if (c.session == null) {
            fail(ctx, c, 1008, "binary-before-start", "send {\"type\":\"start\", ...} before any audio");
            return;
        }
        if (length > MAX_FRAME_BYTES) {
            fail(ctx, c, 1009, "frame-too-large", "audio frames are at most " + MAX_FRAME_BYTES + " bytes (2 s), this one was " + length);
            return;
        }
        if (length % 2 != 0) {
            fail(ctx, c, 1003, "bad-frame", "PCM16 frames hold whole 16-bit samples; this one had " + length + " bytes");
            return;
        }
        byte[] pcm = new byte[length];
        data.get(pcm);
        if (c.attempt != null && !c.storageFailed) {
            c.unsaved.writeBytes(pcm);
        }
        c.saveAudio(false);
        c.arrived = arrived;
        c.reported = false;
        // a client too slow to read is closed from within accept, on this thread, and its session let go: kept here
        AnswerSession session = c.session;
        session.accept(pcm, length);
        c.stream.heard(session.elapsedSeconds(), c.attempt == null ? "(follow-up)" : c.attempt.id());
    }

    private void stop(WsContext ctx, Connection c) {
        c.saveAudio(true);
        try {
            ScoredTranscript t = c.session.finish();
            if (c.probe != null) {
                List<Word> words = t.words().stream().map(w -> new Word(w.word(), w.start(), w.end())).toList();
                judged(c, words);
            } else {
                boolean kept = c.finishAttempt(Attempt.COMPLETE, t);
                c.outbox.send(new LiveEvents.Scored("scored", kept ? c.attempt.id() : null, t), false);
            }
            end(ctx, c, 1000, "done");
        } catch (NoSpeechException e) {
            if (c.probe != null) {
                judged(c, List.of());
                end(ctx, c, 1000, "done");
            } else {
                if (!c.deleteIfSilent()) {
                    c.finishAttempt(Attempt.INCOMPLETE, null);
                }
                c.session.close();
                c.session = null;
                fail(ctx, c, 1000, "no-speech", "no words were heard: check the microphone and speak up");
            }
        }
    }

    /**
     * Judges a follow-up answer, keeps it with its mock interview, and sends the verdict; when it cannot be kept
     * the verdict is still sent, after a {@code storage} error saying so.
     */
    private void judged(Connection c, List<Word> words) {
        ProbeVerdict verdict = ProbeJudge.judge(c.card, c.probe, words);
        if (c.followUpOf != null) {
            try {
                store.saveFollowUp(c.followUpOf, new FollowUp(c.probe, String.join(" ", words.stream().map(Word::word).toList()), verdict));
            } catch (StorageException e) {
                LOG.warn("follow-up of attempt {}: {}", c.followUpOf, e.getMessage(), e);
                c.outbox.send(LiveEvents.error("storage", e.getMessage() + "; the follow-up is judged but not kept with the interview"), false);
            }
        }
        c.outbox.send(new LiveEvents.Probe("probe", verdict, words), false);
    }

    private void close(WsCloseContext ctx) {
        close(ctx.sessionId());
    }

    private void close(String sessionId) {
        idle.closed(sessionId);
        drop(sessionId);
    }

    /** The socket went away: keep what was heard, marked incomplete. */
    private void drop(String sessionId) {
        Connection c = connections.remove(sessionId);
        if (c == null) {
            return;
        }
        load.release(c);
        synchronized (c) {
            if (c.session == null) {
                return;
            }
            try {
                if (c.attempt != null) {
                    c.saveAudio(true);
                    if (c.deleteIfSilent()) {
                        return;
                    }
                    ScoredTranscript t = null;
                    try {
                        t = c.session.finish();
                    } catch (NoSpeechException e) {
                        // nothing heard: the attempt keeps its audio and no transcript
                    }
                    c.finishAttempt(Attempt.INCOMPLETE, t);
                }
            } finally {
                c.session.close();
                c.session = null;
            }
        }
    }

    private void end(WsContext ctx, Connection c, int code, String reason) {
        connections.remove(ctx.sessionId());
        load.release(c);
        if (c.session != null) {
            c.session.close();
            c.session = null;
        }
        ctx.session.close(code, reason, Callback.NOOP);
    }

    private void fail(WsContext ctx, Connection c, int code, String error, String message) {
        send(ctx, c, code, LiveEvents.error(error, message));
    }

    /** Sends an error event and closes the socket with its code; what was heard before it is kept. */
    private void send(WsContext ctx, Connection c, int code, LiveEvents.Error error) {
        c.outbox.send(error, false);
        if (c.attempt != null && c.session != null) {
            drop(ctx.sessionId());
        }
        end(ctx, c, code, error.code());
    }

    private static boolean isStop(String message) {
        try {
            return "stop".equals(JSON.readTree(message).path("type").asText());
        } catch (Exception e) {
            return false;
        }
    }
}
