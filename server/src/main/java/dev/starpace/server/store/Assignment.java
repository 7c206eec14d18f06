package dev.starpace.server.store;

import java.util.List;

/**
 * A coach's assignment to a cohort: the questions (in order) to answer at a level by a due date, and how many attempts
 * of each count. A candidate hands a take in by sharing it with the cohort's coaches.
 */
public record Assignment(String id, String cohortId, String title, List<String> questions, String level, String dueAt,
                         int attemptsAllowed, String createdAt) {
}
