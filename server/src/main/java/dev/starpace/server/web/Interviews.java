package dev.starpace.server.web;

import dev.starpace.engine.Analyzer;
import dev.starpace.engine.Level;
import dev.starpace.engine.bank.Card;
import dev.starpace.engine.bank.InterviewPicker;
import dev.starpace.engine.bank.UnknownQuestionException;
import dev.starpace.server.store.Attempt;
import dev.starpace.server.store.AttemptStore;
import dev.starpace.server.store.Interview;
import dev.starpace.server.store.StorageException;
import io.javalin.http.Context;
import java.security.SecureRandom;
import java.util.List;
import java.util.Random;

/**
 * Mock interviews of several questions: started with the questions the candidate picked (or picked for them across
 * Leadership Principles at their level), each question's take recorded as it is answered through the live socket,
 * and read back as one report. Each handler acts for the requester alone (Api.owner): another person's interview is
 * answered as one that is not there.
 */
final class Interviews {
    static final String NO_INTERVIEW = "That interview is not in your history: it may have been deleted.";
    /** The longest thinking time offered before a question. */
    static final int MOST_THINKING_SECONDS = 180;

    private final Analyzer analyzer;
    private final AttemptStore store;
    private final Random random = new SecureRandom();

    Interviews(Analyzer analyzer, AttemptStore store) {
        this.analyzer = analyzer;
        this.store = store;
    }

    /** What the page sends to begin: the questions picked, or how many to pick for the candidate ({@code pick}). */
    record NewInterview(String level, Integer thinkingSeconds, List<String> questions, Integer pick) {
    }

    /** An interview as begun or listed: its questions with their words, and how far it got. */
    record Listed(String id, String level, int thinkingSeconds, String startedAt, List<Asked> questions, int answered,
                  Integer averageScore) {
    }

    /** A question as asked: its id, words and LP. */
    record Asked(String id, String question, String lp) {
    }

    /** What the page sends when a question has been answered: the take that answered it. */
    record Answered(String attemptId) {
    }

    void list(Context ctx) {
        ctx.json(store.interviews(Api.owner(ctx)).stream().map(i -> listed(i, report(i))).toList());
    }

    void start(Context ctx) {
        NewInterview n = JsonBody.read(ctx, NewInterview.class, "Send the interview as {\"level\": \"sde2\", \"thinkingSeconds\": 30,"
            + " \"questions\": [ID, ID, ID]} or with \"pick\": 3 instead of the questions.");
        if (n == null) {
            throw new ApiException(400, "Pick " + InterviewPicker.FEWEST + " to " + InterviewPicker.MOST + " questions, or ask for them to be picked.");
        }
        Level level = Api.level(n.level() == null ? "sde2" : n.level());
        int thinking = n.thinkingSeconds() == null ? 0 : n.thinkingSeconds();
        if (thinking < 0 || thinking > MOST_THINKING_SECONDS) {
            throw new ApiException(400, "Thinking time is 0 to " + MOST_THINKING_SECONDS + " seconds, not " + thinking + ".");
        }
        List<String> questions = n.pick() != null ? picked(n.pick(), level) : chosen(n.questions());
        Interview i = store.startInterview(Api.owner(ctx), level.id(), thinking, questions);
        ctx.status(201).json(listed(i, report(i)));
    }

    private List<String> picked(int count, Level level) {
        requireCount(count);
        List<String> ids = InterviewPicker.pick(analyzer.bank(), level, count, random).stream().map(Card::id).toList();
        if (ids.size() < count) {
            throw new ApiException(400, "The bank has only " + ids.size() + " questions for " + level.id().toUpperCase(java.util.Locale.ROOT)
                + ": pick fewer.");
        }
        return ids;
    }

    private List<String> chosen(List<String> questions) {
        if (questions == null) {
            throw new ApiException(400, "Pick " + InterviewPicker.FEWEST + " to " + InterviewPicker.MOST + " questions, or ask for them to be picked.");
        }
        requireCount(questions.size());
        if (questions.stream().anyMatch(q -> q == null || q.isBlank()) || questions.stream().distinct().count() < questions.size()) {
            throw new ApiException(400, "Each question once: the same question was picked twice.");
        }
        for (String q : questions) {
            card(q);
        }
        return List.copyOf(questions);
    }

    private static void requireCount(int count) {
        if (count < InterviewPicker.FEWEST || count > InterviewPicker.MOST) {
            throw new ApiException(400, "A mock interview asks " + InterviewPicker.FEWEST + " to " + InterviewPicker.MOST
                + " questions, not " + count + ".");
        }
    }

    /** The report of one of the requester's interviews. */
    void report(Context ctx) {
        ctx.json(report(mine(ctx)));
    }

    /** Records the take that answered the question at {@code position}: the requester's take of that very question. */
    void answer(Context ctx) {
        Interview i = mine(ctx);
        Answered a = JsonBody.read(ctx, Answered.class, "Send the take as {\"attemptId\": \"…\"}.");
        int position;
        try {
            position = Integer.parseInt(ctx.pathParam("position"));
        } catch (NumberFormatException e) {
            throw new ApiException(404, "This interview has no question " + Echo.of(ctx.pathParam("position")) + ".");
        }
        if (position < 0 || position >= i.questions().size()) {
            throw new ApiException(404, "This interview has no question " + position + ".");
        }
        Attempt take = a == null || a.attemptId() == null ? null : store.get(a.attemptId())
            .filter(t -> t.owner().equals(Api.owner(ctx))).orElse(null);
        if (take == null) {
            throw new ApiException(404, Api.NO_ATTEMPT);
        }
        if (!take.questionId().equals(i.questions().get(position).questionId())) {
            throw new ApiException(400, "That take answers another question than this interview's question " + (position + 1) + ".");
        }
        store.answerInterview(i.id(), position, take.id());
        ctx.json(report(store.interview(i.id()).orElseThrow(() -> new ApiException(404, NO_INTERVIEW))));
    }

    private Interview mine(Context ctx) {
        return store.interview(ctx.pathParam("id")).filter(i -> i.owner().equals(Api.owner(ctx)))
            .orElseThrow(() -> new ApiException(404, NO_INTERVIEW));
    }

    private InterviewReport report(Interview i) {
        return InterviewReport.of(i, this::take, q -> {
            try {
                Card c = analyzer.bank().get(q);
                return new InterviewReport.Asked(c.question(), c.lp());
            } catch (UnknownQuestionException e) {
                return new InterviewReport.Asked("A question no longer in the bank", "");
            }
        });
    }

    /** A take of the interview, or null when it is gone or its stored transcript is damaged. */
    private Attempt take(String id) {
        try {
            return store.get(id).orElse(null);
        } catch (StorageException e) {
            return null;
        }
    }

    private static Listed listed(Interview i, InterviewReport r) {
        return new Listed(i.id(), i.level(), i.thinkingSeconds(), i.startedAt(),
            r.answers().stream().map(a -> new Asked(a.questionId(), a.question(), a.lp())).toList(),
            r.overall().answered(), r.overall().averageScore());
    }

    private Card card(String id) {
        try {
            return analyzer.bank().get(id);
        } catch (UnknownQuestionException e) {
            throw new ApiException(404, Api.unknownQuestion(analyzer, id));
        }
    }
}
