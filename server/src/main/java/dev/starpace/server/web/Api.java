package dev.starpace.server.web;

import dev.starpace.engine.Analyzer;
import dev.starpace.engine.Level;
import dev.starpace.engine.ScoredTranscript;
import dev.starpace.engine.bank.Card;
import dev.starpace.engine.bank.UnknownQuestionException;
import dev.starpace.engine.transcript.Word;
import dev.starpace.server.speech.NoSpeechException;
import dev.starpace.server.store.Attempt;
import dev.starpace.server.store.AttemptStore;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;

/** The REST handlers: each translates HTTP to a call into the bank, the analyzer or the store, and back. */
final class Api {
    private final Analyzer analyzer;
    private final AttemptStore store;
    private final StoredAnswers stored;

    Api(Analyzer analyzer, AttemptStore store, StoredAnswers stored) {
        this.analyzer = analyzer;
        this.store = store;
        this.stored = stored;
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
            throw new ApiException(404, "no attempt " + Echo.of(ctx.pathParam("id")));
        }
        ctx.status(204);
    }

    /**
     * Scores a stored attempt again with today's bank and rules; what the audio showed is kept. An attempt with
     * no transcript (cut off before any was made) is scored from its stored words, or its audio is transcribed.
     */
    void rescore(Context ctx) {
        Attempt a = found(ctx.pathParam("id"));
        Card card = card(a.questionId());
        if (a.transcript() == null) {
            ScoredTranscript t;
            try {
                t = stored.score(a, card, level(a.level()));
            } catch (NoSpeechException e) {
                throw new ApiException(409, "attempt " + a.id() + " has no words to score: no speech was heard in its audio");
            }
            store.finish(a.id(), a.status().equals(Attempt.RECORDING) ? Attempt.INCOMPLETE : a.status(), t);
            ctx.json(store.get(a.id()).orElseThrow());
            return;
        }
        List<Word> words = a.transcript().words().stream().map(w -> new Word(w.word(), w.start(), w.end())).toList();
        ScoredTranscript rescored = analyzer.analyze(words, card.id(), level(a.level()), a.transcript().delivery().audio());
        store.finish(a.id(), a.status().equals(Attempt.RECORDING) ? Attempt.INCOMPLETE : a.status(), rescored);
        ctx.json(store.get(a.id()).orElseThrow());
    }

    void audio(Context ctx) {
        byte[] wav = store.audio(ctx.pathParam("id")).orElseThrow(() -> new ApiException(404, "no attempt " + Echo.of(ctx.pathParam("id"))));
        ctx.contentType("audio/wav").header("Cache-Control", "no-store").result(wav);
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
        return store.get(id).orElseThrow(() -> new ApiException(404, "no attempt " + Echo.of(id)));
    }

    private static Level level(String text) {
        try {
            return Level.parse(text.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "unknown level '" + Echo.of(text) + "' (expected sde1, sde2 or senior)");
        }
    }
}
