package dev.starpace.server.store;

import java.util.List;

/**
 * What coaches made of one take: whether its owner shares it, when a coach marked it reviewed, the comments on stretches
 * of it, and a coach's rubric score.
 */
public record Review(boolean shared, String reviewedAt, List<Comment> comments, CoachScore coachScore) {
    /** A comment on the stretch from {@code start} to {@code end} seconds into the take. */
    public record Comment(String id, String author, String authorName, double start, double end, String body, String createdAt) {
    }

    /** A coach's score out of 100, beside StarPace's, with a note. */
    public record CoachScore(String coach, String coachName, int score, String note, String scoredAt) {
    }
}
