package dev.starpace.server.web;

import dev.starpace.engine.Analyzer;
import dev.starpace.engine.Facts;
import dev.starpace.engine.Level;
import dev.starpace.engine.Phase;
import dev.starpace.engine.ScoredTranscript;
import dev.starpace.engine.bank.Card;
import dev.starpace.engine.bank.UnknownQuestionException;
import dev.starpace.engine.probe.ProbePicker;
import dev.starpace.engine.transcript.AnswerTooLargeException;
import dev.starpace.engine.transcript.Word;
import dev.starpace.engine.transcript.WrittenAnswer;
import dev.starpace.server.speech.NoSpeechException;
import dev.starpace.server.store.Attempt;
import dev.starpace.server.store.AttemptStore;
import dev.starpace.server.store.StorageException;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The REST handlers: each translates HTTP to a call into the bank, the analyzer or the store, and back. */
final class Api {
    private static final Logger LOG = LoggerFactory.getLogger(Api.class);

    /** What a candidate reads when an attempt is gone: a sentence, not an id. */
    static final String NO_ATTEMPT = "That attempt is not in your history: it may have been deleted.";

    private final Analyzer analyzer;
    private final AttemptStore store;
    private final StoredAnswers stored;
    /** Whose attempt is whose to read and change: every request acts for its person (Gate). */
    private final Access access;

    Api(Analyzer analyzer, AttemptStore store, StoredAnswers stored, Access access) {
        this.analyzer = analyzer;
        this.store = store;
        this.stored = stored;
        this.access = access;
    }

    /** Whom the request acts for: the signed-in person, or the one local user. */
    static String owner(Context ctx) {
        return Gate.person(ctx).id();
    }

    /** A card in a list: enough to pick it. */
    record QuestionSummary(String id, String lp, String question, String title, List<String> levels, boolean own) {
    }

    void questions(Context ctx) {
        String lp = ctx.queryParam("lp");
        String level = ctx.queryParam("level");
        if (level != null) {
            level(level);
        }
        List<Card> cards = lp == null || lp.isBlank() ? analyzer.bank().cards() : analyzer.bank().byLp(lp);
        // the candidate's own questions first, then the bank's; an own question is practised at any level
        List<QuestionSummary> own = store.questions(owner(ctx)).stream()
            .filter(q -> lp == null || lp.isBlank() || q.lp().toLowerCase(Locale.ROOT).contains(lp.toLowerCase(Locale.ROOT)))
            .map(q -> new QuestionSummary(q.id(), q.lp(), q.question(), q.question(), List.of(q.level().id()), true)).toList();
        ctx.json(java.util.stream.Stream.concat(own.stream(), cards.stream()
            .filter(c -> level == null || c.levels() == null || c.levels().containsKey(level(level)))
            .map(c -> new QuestionSummary(c.id(), c.lp(), c.question(), c.title(),
                c.levels() == null ? List.of() : c.levels().keySet().stream().map(Level::id).sorted().toList(), false)))
            .toList());
    }

    void question(Context ctx) {
        ctx.json(card(ctx.pathParam("id")));
    }

    /** Each phase's target in seconds at a level, as the live answer will judge it: for the time line before Start. */
    void targets(Context ctx) {
        String level = ctx.queryParam("level");
        ctx.json(dev.starpace.engine.timing.Timing.targets(card(ctx.pathParam("id")), level(level == null ? "sde2" : level)));
    }

    void attempts(Context ctx) {
        ctx.json(store.list(owner(ctx), ctx.queryParam("question")));
    }

    void attempt(Context ctx) {
        ctx.json(access.readable(ctx, ctx.pathParam("id")));
    }

    void deleteAttempt(Context ctx) {
        Attempt take = access.owned(ctx, ctx.pathParam("id"));
        // deleting a take does not give an assignment's attempt back
        new AttemptLimits(store).deleting(take);
        if (!store.delete(take.id())) {
            throw new ApiException(404, NO_ATTEMPT);
        }
        ctx.status(204);
    }

    /**
     * Scores a stored attempt again with today's bank and rules; what the audio showed is kept. An attempt with
     * no transcript (cut off before any was made) is scored from its stored words, or its audio is transcribed.
     */
    void rescore(Context ctx) {
        Attempt a = access.owned(ctx, ctx.pathParam("id"));
        if (a.status().equals(Attempt.RECORDING)) {
            // a live answer is still writing it: scored now, its end would be taken for a crash's
            throw new ApiException(409, "This attempt is still being recorded: re-score it once the answer has ended.");
        }
        Card card = card(a.questionId());
        if (a.transcript() == null) {
            ScoredTranscript t;
            try {
                t = stored.score(a, card, level(a.level()));
            } catch (NoSpeechException e) {
                throw new ApiException(409, "Nothing to re-score: no words were heard in this attempt.");
            }
            store.finish(a.id(), a.status(), t);
            ctx.json(found(a.id())); // deleted meanwhile: 404, as for any attempt that is gone
            return;
        }
        List<Word> words = a.transcript().words().stream().map(w -> new Word(w.word(), w.start(), w.end(), w.conf())).toList();
        ScoredTranscript rescored = written(a) ? analyzer.analyzeWritten(Analyzer.writtenText(a.transcript()), card.id(), level(a.level()))
            : analyzer.analyze(words, card.id(), level(a.level()), a.transcript().delivery().audio());
        store.finish(a.id(), a.status(), rescored);
        ctx.json(found(a.id())); // deleted meanwhile: 404, as for any attempt that is gone
    }

    /**
     * One scored take of a question, for its progress over time: the score, each phase's seconds, its level, whether it
     * was typed, why it is kept apart from the progress line (null when it counts), and whether it is the best.
     */
    record Take(String id, String startedAt, String level, int score, Map<Phase, Double> phases, boolean written, String apart,
        boolean best) {
    }

    /** Typed, not spoken: an attempt kept as written, or scored as writing. */
    private static boolean written(Attempt a) {
        return Attempt.WRITTEN.equals(a.mode()) || a.transcript() != null && a.transcript().written();
    }

    /**
     * Why a take is not on its level's progress line, or null when it is: only finished spoken practice counts, since a
     * typed answer is not judged on delivery, a mock interview is answered without hints, and a cut-off take
     * (left mid-answer, or recovered after a crash) is a fragment.
     */
    static String apart(Attempt a) {
        if (written(a)) {
            return "typed";
        }
        if (!Attempt.COMPLETE.equals(a.status())) {
            return "cut off";
        }
        return "practice".equals(a.mode()) ? null : "mock interview";
    }

    /**
     * Every scored take of one question, oldest first, each level's best counted take marked (the latest of equal
     * scores).
     */
    void progress(Context ctx) {
        Card card = card(ctx.pathParam("id"));
        List<Attempt> scored = store.list(owner(ctx), card.id()).stream().filter(a -> a.score() != null)
            .sorted(Comparator.comparing(Attempt::startedAt)).map(this::readable)
            .filter(a -> a != null && a.transcript() != null).toList();
        Map<String, Attempt> best = new java.util.HashMap<>();
        for (Attempt a : scored) {
            if (apart(a) == null) {
                best.merge(a.level(), a, (was, now) -> now.score() >= was.score() ? now : was);
            }
        }
        List<Take> takes = new ArrayList<>();
        for (Attempt a : scored) {
            Map<Phase, Double> phases = new EnumMap<>(Phase.class);
            a.transcript().phases().forEach(p -> phases.put(p.phase(), p.seconds()));
            takes.add(new Take(a.id(), a.startedAt(), a.level(), a.score(), phases, written(a), apart(a), best.get(a.level()) == a));
        }
        ctx.json(takes);
    }

    /** The attempt whole, or null when it is gone or its stored transcript is damaged: one bad row does not fail its neighbours. */
    private Attempt readable(Attempt listed) {
        try {
            return store.get(listed.id()).orElse(null);
        } catch (StorageException e) {
            LOG.warn("attempt {} left out of its question's progress: {}", listed.id(), e.getMessage());
            return null;
        }
    }

    /** The scored transcript alone, as a file to keep (docs/scored-transcript.md). */
    void transcript(Context ctx) {
        Attempt a = access.readable(ctx, ctx.pathParam("id"));
        if (a.transcript() == null) {
            throw new ApiException(404, "This attempt has no scored transcript: no words were heard.");
        }
        ctx.header("Content-Disposition", "attachment; filename=\"" + downloadName(a, "json") + "\"").json(a.transcript());
    }

    /** A written answer from the browser. */
    record Written(String question, String level, String text) {
    }

    /** Scores a written answer, timed as if spoken at a steady pace, and keeps it as an attempt with no audio. */
    void written(Context ctx) {
        Written w = JsonBody.read(ctx, Written.class, "Send the answer as {\"question\": ID, \"level\": \"sde2\", \"text\": \"...\"}.");
        if (w == null || w.question() == null) {
            throw new ApiException(400, "Say which question the answer is for.");
        }
        Card card = card(w.question());
        Level level = level(w.level() == null ? "sde2" : w.level());
        String used = new AttemptLimits(store).refusal(owner(ctx), card.id(), level.id());
        if (used != null) {
            throw new ApiException(409, used);
        }
        List<Word> words;
        try {
            words = w.text() == null ? List.of() : WrittenAnswer.words(w.text());
        } catch (AnswerTooLargeException e) {
            throw new ApiException(413, "Your answer is too long: " + e.getMessage() + ".");
        }
        if (words.isEmpty()) {
            throw new ApiException(400, "Write your answer first: there are no words to score.");
        }
        ScoredTranscript t = analyzer.analyzeWritten(w.text(), card.id(), level);
        Attempt a = store.keep(owner(ctx), card.id(), level.id(), Attempt.WRITTEN, t);
        ctx.status(201).json(store.get(a.id()).orElseThrow());
    }

    /** The report as one self-contained HTML page, to keep or share. */
    void report(Context ctx) {
        Attempt a = access.readable(ctx, ctx.pathParam("id"));
        if (a.transcript() == null) {
            throw new ApiException(404, "This attempt has no report: no words were heard.");
        }
        // its styles are inline: the page's own policy would refuse them
        ctx.header("Content-Security-Policy", StarPaceServer.REPORT_CSP);
        ctx.contentType("text/html; charset=utf-8").result(HtmlReport.of(a));
    }

    /** What the page shows in more than one place, as the engine defines it: the pace band, phases, checks. */
    void facts(Context ctx) {
        ctx.json(Facts.standard());
    }

    /** The follow-ups to ask after this answer, chosen for what it did and did not say (ProbePicker). */
    void probes(Context ctx) {
        Attempt a = access.readable(ctx, ctx.pathParam("id"));
        ctx.json(ProbePicker.order(card(a.questionId()), a.transcript()));
    }

    /** The recording as a WAV with its length, answering byte ranges so the player knows the duration and can seek. */
    void audio(Context ctx) {
        access.readable(ctx, ctx.pathParam("id"));
        byte[] wav = store.audio(ctx.pathParam("id")).orElseThrow(() -> new ApiException(404, NO_ATTEMPT));
        wav(ctx, wav, () -> downloadName(found(ctx.pathParam("id")), "wav"));
    }

    /** A mock interview's follow-up answer as it was recorded, served as the answer's recording is. */
    void followUpAudio(Context ctx) {
        Attempt a = access.readable(ctx, ctx.pathParam("id"));
        int probe;
        try {
            probe = Integer.parseInt(ctx.pathParam("probe"));
        } catch (NumberFormatException e) {
            throw new ApiException(404, NO_FOLLOW_UP_AUDIO);
        }
        byte[] wav = store.followUpAudio(a.id(), probe).orElseThrow(() -> new ApiException(404, NO_FOLLOW_UP_AUDIO));
        wav(ctx, wav, () -> downloadName(a, "wav").replaceFirst("\\.wav$", "-follow-up-" + (probe + 1) + ".wav"));
    }

    static final String NO_FOLLOW_UP_AUDIO = "That follow-up has no recording: it was not answered aloud in this interview.";

    /** A WAV answering byte ranges (the player learns the duration and can seek); named for download when asked. */
    private static void wav(Context ctx, byte[] wav, java.util.function.Supplier<String> name) {
        ctx.contentType("audio/wav").header("Cache-Control", "no-store").header("Accept-Ranges", "bytes");
        if (ctx.queryParam("download") != null) {
            ctx.header("Content-Disposition", "attachment; filename=\"" + name.get() + "\"");
        }
        ByteRange range = ByteRange.of(ctx.header("Range"), wav.length);
        if (range == null) {
            ctx.status(416).header("Content-Range", "bytes */" + wav.length);
            return;
        }
        if (range.partial()) {
            ctx.status(206).header("Content-Range", "bytes " + range.first() + "-" + range.last() + "/" + wav.length);
        }
        ctx.header("Content-Length", Long.toString(range.length()));
        ctx.result(java.util.Arrays.copyOfRange(wav, (int) range.first(), (int) range.last() + 1));
    }

    /**
     * A download named for what it is, the question and when it was answered (UTC), not the attempt's id:
     * starpace-customer-obsession-above-and-beyond-sde2-2026-12-07-1003.wav. The web page names its HTML export alike.
     */
    static String downloadName(Attempt a, String extension) {
        String when = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm").withZone(java.time.ZoneOffset.UTC)
            .format(java.time.Instant.parse(a.startedAt()));
        return "starpace-" + a.questionId().replaceAll("[^A-Za-z0-9-]", "") + "-" + a.level().replaceAll("[^A-Za-z0-9]", "") + "-" + when + "." + extension;
    }

    private Card card(String id) {
        try {
            return analyzer.bank().get(id);
        } catch (UnknownQuestionException e) {
            throw new ApiException(404, unknownQuestion(analyzer, id));
        }
    }

    /** The engine's message quotes the id whole; a client may have sent 60 KB of it. */
    static String unknownQuestion(Analyzer analyzer, String id) {
        return "unknown question '" + Echo.of(id) + "'; known ids: "
            + String.join(", ", analyzer.bank().cards().stream().map(Card::id).toList());
    }

    private Attempt found(String id) {
        return store.get(id).orElseThrow(() -> new ApiException(404, NO_ATTEMPT));
    }

    static Level level(String text) {
        try {
            return Level.parse(text.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "unknown level '" + Echo.of(text) + "' (expected sde1, sde2 or senior)");
        }
    }
}
