package dev.starpace.server.web;

import dev.starpace.engine.Phase;
import dev.starpace.server.store.Assignment;
import dev.starpace.server.store.Attempt;
import dev.starpace.server.store.AttemptStore;
import dev.starpace.server.store.Cohort;
import dev.starpace.server.store.CohortTake;
import dev.starpace.server.store.Review;
import dev.starpace.server.store.Role;
import dev.starpace.server.store.TeamStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A coach's view of one cohort, per candidate: assignments done, the latest scores (StarPace's and the coach's) and the
 * phases' seconds take by take; and the same as CSV. Built from the takes the candidates shared only: what a candidate
 * did not share, no coach sees, not even as a number.
 */
final class CohortView {
    /** How many of a candidate's latest takes the phase-timing trend shows. */
    static final int TREND = 10;

    record Progress(String assignmentId, String title, String dueAt, boolean done, int handedIn, int allowed) {
    }

    /** One phase of one take: its seconds and the target the take was judged against (the question's, at its level). */
    record PhaseSeconds(Phase phase, double seconds, double targetSeconds) {
    }

    record Timing(String attemptId, String startedAt, String questionId, Integer score, List<PhaseSeconds> phases) {
    }

    record Candidate(String email, String name, boolean signedIn, int assignmentsDone, int assignments, Integer latestScore,
                     Integer latestCoachScore, String lastPractised, List<Progress> progress, List<Timing> trend) {
    }

    record View(String id, String name, List<Assignment> assignments, List<Candidate> candidates) {
    }

    private CohortView() {
    }

    static View of(AttemptStore store, Cohort cohort) {
        TeamStore team = store.team();
        List<Assignment> assignments = team.assignments(cohort.id());
        Map<String, List<Attempt>> takes = team.sharedTakes(cohort.id()).stream()
            .collect(Collectors.groupingBy(CohortTake::email, Collectors.mapping(t -> store.get(t.attemptId()).orElse(null), Collectors.toList())));
        List<Candidate> rows = new ArrayList<>();
        for (Cohort.Member m : cohort.members()) {
            if (m.role() != Role.CANDIDATE) {
                continue;
            }
            List<Attempt> scored = takes.getOrDefault(m.email(), List.of()).stream().filter(a -> a != null && a.score() != null).toList();
            List<Progress> progress = assignments.stream().map(a -> progress(a, scored)).toList();
            Attempt latest = scored.isEmpty() ? null : scored.get(scored.size() - 1);
            Review.CoachScore coach = latest == null ? null : team.review(latest.id()).coachScore();
            List<Timing> trend = scored.subList(Math.max(0, scored.size() - TREND), scored.size()).stream().map(CohortView::timing).toList();
            rows.add(new Candidate(m.email(), m.name() == null ? m.email() : m.name(), team.personByEmail(m.email()).isPresent(),
                (int) progress.stream().filter(Progress::done).count(), assignments.size(), latest == null ? null : latest.score(),
                coach == null ? null : coach.score(), latest == null ? null : latest.startedAt(), progress, trend));
        }
        return new View(cohort.id(), cohort.name(), assignments, rows);
    }

    /** Done: every question of the assignment has a take at its level, started after it was set and by its due date. */
    static Progress progress(Assignment a, List<Attempt> scored) {
        List<Attempt> handedIn = scored.stream().filter(t -> AttemptLimits.counts(a, t)).toList();
        boolean done = a.questions().stream().allMatch(q -> handedIn.stream().anyMatch(t -> t.questionId().equals(q)));
        return new Progress(a.id(), a.title(), a.dueAt(), done, handedIn.size(), a.attemptsAllowed() * a.questions().size());
    }

    private static Timing timing(Attempt a) {
        List<PhaseSeconds> phases = a.transcript() == null ? List.of()
            : a.transcript().phases().stream().map(p -> new PhaseSeconds(p.phase(), p.seconds(), p.targetSeconds())).toList();
        return new Timing(a.id(), a.startedAt(), a.questionId(), a.score(), phases);
    }

    /**
     * The phase's seconds against their target over the takes, oldest first, as "12 of 20; 15 of 20" (a spreadsheet would
     * read "12/20" as a date).
     */
    static String trend(List<Timing> takes, Phase phase) {
        return takes.stream().map(t -> t.phases().stream().filter(p -> p.phase() == phase).findFirst()
            .map(p -> Math.round(p.seconds()) + " of " + Math.round(p.targetSeconds())).orElse("not heard")).collect(Collectors.joining("; "));
    }

    /** One row per candidate: what a coach keeps in a spreadsheet. Cells a spreadsheet would run as formulas are quoted. */
    static String csv(View v) {
        StringBuilder out = new StringBuilder("email,name,assignments done,assignments,latest score,latest coach score,last practised");
        for (Phase p : Phase.values()) {
            out.append(',').append(p.id()).append(" seconds (latest),").append(p.id()).append(" target seconds (latest),")
                .append(p.id()).append(" seconds of target (last ").append(TREND).append(" takes, oldest first)");
        }
        out.append("\r\n");
        for (Candidate c : v.candidates()) {
            List<Object> cells = new ArrayList<>(List.of(c.email(), c.name(), c.assignmentsDone(), c.assignments(),
                blank(c.latestScore()), blank(c.latestCoachScore()), blank(c.lastPractised())));
            Timing last = c.trend().isEmpty() ? null : c.trend().get(c.trend().size() - 1);
            for (Phase p : Phase.values()) {
                PhaseSeconds latest = last == null ? null : last.phases().stream().filter(s -> s.phase() == p).findFirst().orElse(null);
                cells.add(latest == null ? "" : String.format(java.util.Locale.ROOT, "%.1f", latest.seconds()));
                cells.add(latest == null ? "" : String.format(java.util.Locale.ROOT, "%.1f", latest.targetSeconds()));
                cells.add(trend(c.trend(), p));
            }
            out.append(cells.stream().map(CohortView::cell).collect(Collectors.joining(","))).append("\r\n");
        }
        return out.toString();
    }

    private static Object blank(Object value) {
        return value == null ? "" : value;
    }

    private static String cell(Object value) {
        String s = String.valueOf(value);
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("'") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
