package dev.starpace.server.store;

/** A shared take in a coach's review queue: whose, of which question, StarPace's score, and whether it was reviewed. */
public record QueueItem(String attemptId, String ownerName, String ownerEmail, String questionId, String level, String startedAt,
                        Integer score, String sharedAt, String reviewedAt) {
}
