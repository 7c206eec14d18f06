package dev.starpace.server.web;

import dev.starpace.server.store.Assignment;
import dev.starpace.server.store.Attempt;
import dev.starpace.server.store.AttemptStore;
import dev.starpace.server.store.Cohort;
import dev.starpace.server.store.Person;
import dev.starpace.server.store.Review;
import dev.starpace.server.store.Role;
import dev.starpace.server.store.TeamStore;
import io.javalin.http.Context;
import java.util.List;

/**
 * Team mode's routes beyond practising: cohorts (a coach makes one and adds candidates by e-mail), a candidate sharing a
 * take with the coaches of their cohorts, and the coach's review of it (the queue, comments on a stretch of the take, a
 * rubric score, reviewed or not). Who may call each is its Rule in StarPaceServer's route table; which attempt or cohort
 * is checked here, against the request's person.
 */
final class TeamApi {
    static final String NO_COHORT = "That cohort is not one of yours.";
    private static final int MAX_NAME = 100;
    private static final int MAX_COMMENT = 2_000;

    private final AttemptStore store;
    private final TeamStore team;
    private final Access access;
    private final dev.starpace.engine.bank.QuestionBank bank;

    TeamApi(AttemptStore store, Access access, dev.starpace.engine.bank.QuestionBank bank) {
        this.store = store;
        this.bank = bank;
        this.team = store.team();
        this.access = access;
    }

    /** A cohort as its reader may see it: a candidate sees its name and coaches, not the other candidates. */
    void cohorts(Context ctx) {
        Person p = Gate.person(ctx);
        List<Cohort> cohorts = switch (p.role()) {
            case ADMIN -> team.cohorts();
            case COACH -> team.cohortsOf(p.email(), Role.COACH);
            case CANDIDATE -> team.cohortsOf(p.email(), Role.CANDIDATE).stream().map(c -> new Cohort(c.id(), c.name(),
                c.createdAt(), c.members().stream().filter(m -> m.role() == Role.COACH).toList())).toList();
        };
        ctx.json(cohorts);
    }

    record NewCohort(String name) {
    }

    void createCohort(Context ctx) {
        NewCohort body = JsonBody.read(ctx, NewCohort.class, "Send the cohort as {\"name\": \"Spring 2027 cohort\"}.");
        String name = body == null || body.name() == null ? "" : body.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw new ApiException(400, "Give the cohort a name of 1 to " + MAX_NAME + " characters.");
        }
        Person p = Gate.person(ctx);
        ctx.status(201).json(team.createCohort(name, p.id(), p.email()));
    }

    void cohort(Context ctx) {
        ctx.json(led(ctx));
    }

    record NewMember(String email, String role) {
    }

    void addMember(Context ctx) {
        Cohort c = led(ctx);
        NewMember body = JsonBody.read(ctx, NewMember.class, "Send the member as {\"email\": \"ana@example.edu\", \"role\": \"candidate\"}.");
        String email = body == null || body.email() == null ? "" : body.email().strip();
        if (!email.matches("[^@\\s]{1,64}@[^@\\s]{1,190}")) {
            throw new ApiException(400, "Give the member's e-mail address, as the sign-in provider knows it.");
        }
        String role = body.role() == null ? "candidate" : body.role();
        if (!role.equals("candidate") && !role.equals("coach")) {
            throw new ApiException(400, "A member is a candidate or a coach, not " + Echo.of(role) + ".");
        }
        team.addMember(c.id(), email, Role.of(role));
        ctx.status(201).json(team.cohort(c.id()).orElseThrow());
    }

    void removeMember(Context ctx) {
        Cohort c = led(ctx);
        if (!team.removeMember(c.id(), ctx.pathParam("email"))) {
            throw new ApiException(404, "That e-mail is not a member of this cohort.");
        }
        ctx.status(204);
    }

    /** The cohort, if the request's person coaches it or is an admin; 404 otherwise, as for one that is not there. */
    private Cohort led(Context ctx) {
        Person p = Gate.person(ctx);
        String id = ctx.pathParam("id");
        if (p.role() != Role.ADMIN && !team.coaches(p.email(), id)) {
            throw new ApiException(404, NO_COHORT);
        }
        return team.cohort(id).orElseThrow(() -> new ApiException(404, NO_COHORT));
    }

    record Sharing(Boolean shared) {
    }

    /** The owner lets the coaches of their cohorts see the take, or stops. */
    void share(Context ctx) {
        Attempt a = access.owned(ctx, ctx.pathParam("id"));
        Sharing body = JsonBody.read(ctx, Sharing.class, "Send {\"shared\": true} or {\"shared\": false}.");
        if (body == null || body.shared() == null) {
            throw new ApiException(400, "Send {\"shared\": true} or {\"shared\": false}.");
        }
        team.share(a.id(), body.shared());
        ctx.json(team.review(a.id()));
    }

    void queue(Context ctx) {
        ctx.json(team.reviewQueue(Gate.person(ctx).email()));
    }

    /** Sharing, comments and the coach's score: for the owner and the coaches who may see the take. */
    void review(Context ctx) {
        ctx.json(team.review(access.readable(ctx, ctx.pathParam("id")).id()));
    }

    record NewComment(Double start, Double end, String text) {
    }

    void comment(Context ctx) {
        Attempt a = access.coached(ctx, ctx.pathParam("id"));
        NewComment body = JsonBody.read(ctx, NewComment.class, "Send the comment as {\"start\": 12.5, \"end\": 20, \"text\": \"...\"}.");
        String text = body == null || body.text() == null ? "" : body.text().strip();
        if (text.isEmpty() || text.length() > MAX_COMMENT) {
            throw new ApiException(400, "Write a comment of 1 to " + MAX_COMMENT + " characters.");
        }
        double length = a.durationSeconds() == null ? Double.MAX_VALUE : a.durationSeconds();
        if (body.start() == null || body.end() == null || body.start() < 0 || body.end() < body.start() || body.start() > length + 1) {
            throw new ApiException(400, "Say which stretch of the take the comment is on: start and end in seconds, start"
                + " not after end, within the take.");
        }
        Review.Comment c = team.comment(a.id(), Gate.person(ctx), body.start(), body.end(), text);
        ctx.status(201).json(c);
    }

    void deleteComment(Context ctx) {
        Attempt a = access.coached(ctx, ctx.pathParam("id"));
        if (!team.deleteComment(a.id(), ctx.pathParam("comment"), Gate.person(ctx).id())) {
            throw new ApiException(404, "That comment is not one of yours on this take.");
        }
        ctx.status(204);
    }

    record NewScore(Integer score, String note) {
    }

    /** The coach's rubric score out of 100, which the candidate sees beside StarPace's. */
    void score(Context ctx) {
        Attempt a = access.coached(ctx, ctx.pathParam("id"));
        NewScore body = JsonBody.read(ctx, NewScore.class, "Send the score as {\"score\": 72, \"note\": \"...\"}.");
        if (body == null || body.score() == null || body.score() < 0 || body.score() > 100) {
            throw new ApiException(400, "A coach's score is a whole number from 0 to 100.");
        }
        String note = body.note() == null ? null : body.note().strip();
        if (note != null && note.length() > MAX_COMMENT) {
            throw new ApiException(400, "Keep the note to " + MAX_COMMENT + " characters.");
        }
        team.score(a.id(), Gate.person(ctx), body.score(), note == null || note.isEmpty() ? null : note);
        ctx.json(team.review(a.id()));
    }

    record Reviewed(Boolean reviewed) {
    }

    void reviewed(Context ctx) {
        Attempt a = access.coached(ctx, ctx.pathParam("id"));
        Reviewed body = JsonBody.read(ctx, Reviewed.class, "Send {\"reviewed\": true} or {\"reviewed\": false}.");
        if (body == null || body.reviewed() == null) {
            throw new ApiException(400, "Send {\"reviewed\": true} or {\"reviewed\": false}.");
        }
        team.markReviewed(a.id(), Gate.person(ctx), body.reviewed());
        ctx.json(team.review(a.id()));
    }

    record NewAssignment(String title, List<String> questions, String level, String due, Integer attemptsAllowed) {
    }

    /** A coach sets the cohort questions to answer at a level by a date (the end of that day, UTC), with attempts allowed. */
    void createAssignment(Context ctx) {
        Cohort c = led(ctx);
        String shape = "Send the assignment as {\"title\": \"Week 1\", \"questions\": [ID, ...], \"level\": \"sde2\","
            + " \"due\": \"2027-01-31\", \"attemptsAllowed\": 3}.";
        NewAssignment body = JsonBody.read(ctx, NewAssignment.class, shape);
        if (body == null) {
            throw new ApiException(400, shape);
        }
        String title = body.title() == null ? "" : body.title().strip();
        if (title.isEmpty() || title.length() > MAX_NAME) {
            throw new ApiException(400, "Give the assignment a title of 1 to " + MAX_NAME + " characters.");
        }
        if (body.questions() == null || body.questions().isEmpty() || body.questions().size() > 20) {
            throw new ApiException(400, "Choose 1 to 20 questions for the assignment.");
        }
        for (String q : body.questions()) {
            try {
                bank.get(q);
            } catch (dev.starpace.engine.bank.UnknownQuestionException e) {
                throw new ApiException(400, "unknown question '" + Echo.of(q) + "' in the assignment");
            }
        }
        String level = body.level() == null ? "sde2" : body.level().toLowerCase(java.util.Locale.ROOT);
        try {
            dev.starpace.engine.Level.parse(level);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "unknown level '" + Echo.of(level) + "' (expected sde1, sde2 or senior)");
        }
        java.time.Instant due;
        try {
            due = java.time.LocalDate.parse(body.due() == null ? "" : body.due()).plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC)
                .toInstant().minusSeconds(1);
        } catch (java.time.format.DateTimeParseException e) {
            throw new ApiException(400, "Give the due date as YYYY-MM-DD, not " + Echo.of(String.valueOf(body.due())) + ".");
        }
        int allowed = body.attemptsAllowed() == null ? 3 : body.attemptsAllowed();
        if (allowed < 1 || allowed > 20) {
            throw new ApiException(400, "Allow 1 to 20 attempts of each question.");
        }
        ctx.status(201).json(team.createAssignment(c.id(), title, body.questions(), level, due, allowed, Gate.person(ctx).id()));
    }

    void assignments(Context ctx) {
        ctx.json(team.assignments(led(ctx).id()));
    }

    /**
     * A candidate's assignments, over their cohorts, each with what they have handed in (shared) for it and the attempts
     * they have used at each of its questions.
     */
    record MyAssignment(String cohort, Assignment assignment, CohortView.Progress progress, List<AttemptLimits.Used> attempts) {
    }

    void myAssignments(Context ctx) {
        Person p = Gate.person(ctx);
        List<MyAssignment> out = new java.util.ArrayList<>();
        AttemptLimits limits = new AttemptLimits(store);
        for (Cohort c : team.cohortsOf(p.email(), Role.CANDIDATE)) {
            List<Attempt> mine = team.sharedTakes(c.id()).stream().filter(t -> t.email().equalsIgnoreCase(String.valueOf(p.email())))
                .map(t -> store.get(t.attemptId()).orElse(null)).filter(a -> a != null && a.score() != null).toList();
            for (var a : team.assignments(c.id())) {
                out.add(new MyAssignment(c.name(), a, CohortView.progress(a, mine), limits.used(a, p.id())));
            }
        }
        ctx.json(out);
    }

    void view(Context ctx) {
        ctx.json(CohortView.of(store, led(ctx)));
    }

    void csv(Context ctx) {
        CohortView.View v = CohortView.of(store, led(ctx));
        ctx.header("Content-Disposition", "attachment; filename=\"starpace-cohort-" + v.id() + ".csv\"")
            .contentType("text/csv; charset=utf-8").result(CohortView.csv(v));
    }
}
