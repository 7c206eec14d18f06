package dev.starpace.server.web;

import dev.starpace.engine.Analyzer;
import dev.starpace.engine.Level;
import dev.starpace.engine.ScoredTranscript;
import dev.starpace.engine.bank.Card;
import dev.starpace.engine.bank.UnknownQuestionException;
import dev.starpace.engine.probe.ProbePicker;
import dev.starpace.engine.transcript.Word;
import dev.starpace.server.store.Attempt;
import dev.starpace.server.store.AttemptStore;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;

/** The REST handlers: each translates HTTP to a call into the bank, the analyzer or the store, and back. */
final class Api {
    /** What a candidate reads when an attempt is gone: a sentence, not an id. */
    static final String NO_ATTEMPT = "That attempt is not in your history: it may have been deleted.";

    private final Analyzer analyzer;
    private final AttemptStore store;

    Api(Analyzer analyzer, AttemptStore store) {
        this.analyzer = analyzer;
        this.store = store;
    }

    /** A card in a list: enough to pick it. */
    record QuestionSummary(String id, String lp, String question, String title, List<String> levels) {
    }

    void questions(Context ctx) {
        String lp = ctx.queryParam("lp");
        String level = ctx.queryParam("level");
        if (level != null) {
            level(level);
        }
        List<Card> cards = lp == null || lp.isBlank() ? analyzer.bank().cards() : analyzer.bank().byLp(lp);
        ctx.json(cards.stream()
            .filter(c -> level == null || c.levels() == null || c.levels().containsKey(level(level)))
            .map(c -> new QuestionSummary(c.id(), c.lp(), c.question(), c.title(),
                c.levels() == null ? List.of() : c.levels().keySet().stream().map(Level::id).sorted().toList()))
            .toList());
    }

    void question(Context ctx) {
        ctx.json(card(ctx.pathParam("id")));
    }

    void attempts(Context ctx) {
        ctx.json(store.list(ctx.queryParam("question")));
    }

    void attempt(Context ctx) {
        ctx.json(found(ctx.pathParam("id")));
    }

    void deleteAttempt(Context ctx) {
        if (!store.delete(ctx.pathParam("id"))) {
            throw new ApiException(404, NO_ATTEMPT);
        }
        ctx.status(204);
    }

    /** Scores a stored attempt again with today's bank and rules; what the audio showed is kept. */
    void rescore(Context ctx) {
        Attempt a = found(ctx.pathParam("id"));
        if (a.transcript() == null) {
            throw new ApiException(409, "Nothing to re-score: no words were heard in this attempt.");
        }
        Card card = card(a.questionId());
        List<Word> words = a.transcript().words().stream().map(w -> new Word(w.word(), w.start(), w.end())).toList();
        ScoredTranscript rescored = analyzer.analyze(words, card.id(), level(a.level()), a.transcript().delivery().audio());
        store.finish(a.id(), a.status().equals(Attempt.RECORDING) ? Attempt.INCOMPLETE : a.status(), rescored);
        ctx.json(store.get(a.id()).orElseThrow());
    }

    /** The card's follow-ups in the order to ask them after this answer, those about the card's own story last. */
    void probes(Context ctx) {
        Attempt a = found(ctx.pathParam("id"));
        List<String> said = a.transcript() == null ? List.of()
            : a.transcript().words().stream().map(ScoredTranscript.ScoredWord::word).toList();
        ctx.json(ProbePicker.order(card(a.questionId()), said));
    }

    /** The recording as a WAV with its length, answering byte ranges so the player knows the duration and can seek. */
    void audio(Context ctx) {
        byte[] wav = store.audio(ctx.pathParam("id")).orElseThrow(() -> new ApiException(404, NO_ATTEMPT));
        ctx.contentType("audio/wav").header("Cache-Control", "no-store").header("Accept-Ranges", "bytes");
        if (ctx.queryParam("download") != null) {
            ctx.header("Content-Disposition", "attachment; filename=\"starpace-" + ctx.pathParam("id") + ".wav\"");
        }
        ByteRange range = ByteRange.of(ctx.header("Range"), wav.length);
        if (range == null) {
            ctx.status(416).header("Content-Range", "bytes */" + wav.length);
            return;
        }
        if (ctx.header("Range") != null) {
            ctx.status(206).header("Content-Range", "bytes " + range.first() + "-" + range.last() + "/" + wav.length);
        }
        ctx.header("Content-Length", Long.toString(range.length()));
        ctx.result(java.util.Arrays.copyOfRange(wav, (int) range.first(), (int) range.last() + 1));
    }

    private Card card(String id) {
        try {
            return analyzer.bank().get(id);
        } catch (UnknownQuestionException e) {
            throw new ApiException(404, e.getMessage());
        }
    }

    private Attempt found(String id) {
        return store.get(id).orElseThrow(() -> new ApiException(404, NO_ATTEMPT));
    }

    private static Level level(String text) {
        try {
            return Level.parse(text.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, e.getMessage());
        }
    }
}
