package dev.starpace.server.web;

import dev.starpace.engine.Level;
import dev.starpace.engine.bank.OwnQuestion;
import dev.starpace.engine.bank.QuestionBank;
import dev.starpace.server.store.AttemptStore;
import io.javalin.http.Context;
import java.time.Instant;

/**
 * The candidate's own questions: written in the app, kept in the attempt store, practised like the bank's (the bank
 * answers for their ids, with the generic card's targets and rules). Writes are JSON, from our own pages (WriteGuard).
 */
final class OwnQuestions {
    private final AttemptStore store;

    OwnQuestions(AttemptStore store) {
        this.store = store;
    }

    /** The bank, also answering for every own question kept in {@code store}. */
    static QuestionBank bank(QuestionBank bank, AttemptStore store) {
        return bank.withOwn(id -> store.question(id).map(q -> q.card(bank.defaultCard())));
    }

    /** What the page sends to keep a question. */
    record NewQuestion(String question, String lp, String level) {
    }

    void list(Context ctx) {
        ctx.json(store.questions(Api.owner(ctx)));
    }

    void add(Context ctx) {
        NewQuestion n = JsonBody.read(ctx, NewQuestion.class,
            "Send the question as {\"question\": \"...\", \"lp\": \"Ownership\", \"level\": \"sde2\"}.");
        if (n == null) {
            throw new ApiException(400, "Write the question first.");
        }
        String problem = OwnQuestion.problem(n.question(), n.lp());
        if (problem != null) {
            throw new ApiException(n.question() != null && n.question().strip().length() > OwnQuestion.MAX_QUESTION_CHARS ? 413 : 400, problem);
        }
        Level level = Api.level(n.level() == null ? "sde2" : n.level());
        OwnQuestion q = new OwnQuestion(OwnQuestion.newId(), n.lp().strip(), level, n.question().strip(), Instant.now().toString());
        store.saveQuestion(Api.owner(ctx), q);
        ctx.status(201).json(q);
    }

    void delete(Context ctx) {
        String id = ctx.pathParam("id");
        boolean mine = store.questions(Api.owner(ctx)).stream().anyMatch(q -> q.id().equals(id));
        if (!mine || !store.deleteQuestion(id)) {
            throw new ApiException(404, "No such question of yours: it may have been deleted already.");
        }
        ctx.status(204);
    }
}
