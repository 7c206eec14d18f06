package dev.starpace.server.web;

import dev.starpace.server.store.Assignment;
import dev.starpace.server.store.Attempt;
import dev.starpace.server.store.AttemptStore;
import dev.starpace.server.store.Role;
import dev.starpace.server.store.TeamStore;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The attempts an assignment allows, enforced. A take of one of its questions at its level, started while it is open
 * (from when it was set to the end of its due date), is one of the candidate's attempts at that question, shared or
 * not, and still one after its owner deletes it; past the limit a new take is refused before anything is stored. After
 * the due date the question is free to practise again. Personal mode has no assignments, so no limits.
 */
final class AttemptLimits {
    /** How many of the attempts the assignment allows at one of its questions the candidate has used. */
    record Used(String questionId, int used, int allowed) {
    }

    private final AttemptStore store;
    private final TeamStore team;

    AttemptLimits(AttemptStore store) {
        this.store = store;
        this.team = store.team();
    }

    /** Whether the take counts as one of the assignment's attempts: its question and level, started while it was open. */
    static boolean counts(Assignment a, Attempt take) {
        return a.questions().contains(take.questionId()) && a.level().equals(take.level())
            && take.startedAt().compareTo(a.createdAt()) >= 0 && take.startedAt().compareTo(a.dueAt()) <= 0;
    }

    /** One line refusing the owner a new take of this question at this level, or null when they may start it. */
    String refusal(String owner, String questionId, String level) {
        String now = Instant.now().toString();
        for (Assignment a : assignmentsOf(owner)) {
            boolean open = a.createdAt().compareTo(now) <= 0 && now.compareTo(a.dueAt()) <= 0;
            if (open && a.level().equals(level) && a.questions().contains(questionId)
                && used(a, owner, questionId) >= a.attemptsAllowed()) {
                return "You have used all " + a.attemptsAllowed() + " attempt" + (a.attemptsAllowed() == 1 ? "" : "s") + " \""
                    + a.title() + "\" allows at this question at " + level.toUpperCase(java.util.Locale.ROOT) + " (due "
                    + a.dueAt().substring(0, 10) + "): ask your coach if you need another.";
            }
        }
        return null;
    }

    /** Before its owner deletes the take: it stays one of the attempts of every assignment it counted for. */
    void deleting(Attempt take) {
        for (Assignment a : assignmentsOf(take.owner())) {
            if (counts(a, take)) {
                team.spend(a.id(), take.owner(), take.questionId(), take.id(), take.startedAt());
            }
        }
    }

    /** The attempts used at each of the assignment's questions, in its order. */
    List<Used> used(Assignment a, String owner) {
        return a.questions().stream().map(q -> new Used(q, used(a, owner, q), a.attemptsAllowed())).toList();
    }

    private int used(Assignment a, String owner, String questionId) {
        Set<String> takes = new HashSet<>(team.spent(a.id(), owner, questionId));
        store.list(owner, questionId).stream().filter(t -> counts(a, t)).forEach(t -> takes.add(t.id()));
        return takes.size();
    }

    /** The assignments of the cohorts the owner is a candidate in (none for someone who never signed in). */
    private List<Assignment> assignmentsOf(String owner) {
        String email = team.person(owner).map(p -> p.email()).orElse(null);
        if (email == null) {
            return List.of();
        }
        return team.cohortsOf(email, Role.CANDIDATE).stream().flatMap(c -> team.assignments(c.id()).stream()).toList();
    }
}
