package dev.starpace.server.web;

import dev.starpace.engine.bank.Story;
import dev.starpace.server.store.Attempt;
import dev.starpace.server.store.AttemptStore;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The story bank: the candidate's stories, each for the LPs it can answer, told in takes of any question; each shown
 * with its best spoken take (the highest-scored finished spoken practice take that told it). Writes are JSON, from our
 * own pages (WriteGuard).
 */
final class Stories {
    private final AttemptStore store;
    private final Access access;

    Stories(AttemptStore store, Access access) {
        this.store = store;
        this.access = access;
    }

    /** What the page sends to keep a story. */
    record NewStory(String title, String notes, List<String> lps) {
    }

    /** What the page sends to say which story a take told (null: none). */
    record Told(String story) {
    }

    /** A take in a story's list: enough to name it and link to its report. */
    record Take(String id, String questionId, String level, String startedAt, Integer score) {
        static Take of(Attempt a) {
            return new Take(a.id(), a.questionId(), a.level(), a.startedAt(), a.score());
        }
    }

    /** A story as listed: how often it was told, and its best spoken take (null when none yet). */
    record Listed(String id, String title, String notes, List<String> lps, String createdAt, int takes, Take best) {
    }

    void list(Context ctx) {
        String lp = ctx.queryParam("lp");
        ctx.json(store.stories(Api.owner(ctx)).stream()
            .filter(s -> lp == null || lp.isBlank() || s.lps().stream().anyMatch(l -> l.equalsIgnoreCase(lp.strip())))
            .map(this::listed).toList());
    }

    private Listed listed(Story s) {
        List<Attempt> takes = store.takesOf(s.id());
        Take best = takes.stream()
            .filter(a -> Api.apart(a) == null && a.score() != null)   // a finished spoken practice take, as progress counts
            .max(Comparator.comparingInt(Attempt::score)).map(Take::of).orElse(null);
        return new Listed(s.id(), s.title(), s.notes(), s.lps(), s.createdAt(), takes.size(), best);
    }

    void add(Context ctx) {
        NewStory n = JsonBody.read(ctx, NewStory.class,
            "Send the story as {\"title\": \"...\", \"notes\": \"...\", \"lps\": [\"Ownership\"]}.");
        if (n == null) {
            throw new ApiException(400, "Give the story a title.");
        }
        String problem = Story.problem(n.title(), n.notes(), n.lps());
        if (problem != null) {
            throw new ApiException(problem.contains("too long") ? 413 : 400, problem);
        }
        List<String> lps = n.lps().stream().filter(Objects::nonNull).map(String::strip).filter(l -> !l.isEmpty()).distinct().toList();
        Story s = new Story(Story.newId(), n.title().strip(), n.notes() == null ? "" : n.notes().strip(), lps, Instant.now().toString());
        store.saveStory(Api.owner(ctx), s);
        ctx.status(201).json(listed(s));
    }

    void delete(Context ctx) {
        if (!store.deleteStory(Api.owner(ctx), ctx.pathParam("id"))) {
            throw new ApiException(404, "No such story of yours: it may have been deleted already.");
        }
        ctx.status(204);
    }

    /** Which story a take told: {"story": id} or {"story": null}. */
    void tell(Context ctx) {
        Told t = JsonBody.read(ctx, Told.class, "Send the story as {\"story\": \"story-…\"} (or null for none).");
        String story = t == null ? null : t.story();
        String take = access.owned(ctx, ctx.pathParam("id")).id();   // another's take reads as no take at all
        if (!store.tellStory(Api.owner(ctx), take, story)) {
            throw new ApiException(404, "No such take or story of yours.");
        }
        ctx.json(java.util.Collections.singletonMap("story", story));
    }

    /** The story a take told: {"story": id or null}. */
    void told(Context ctx) {
        ctx.json(java.util.Collections.singletonMap("story", store.storyOf(access.owned(ctx, ctx.pathParam("id")).id())));
    }
}
