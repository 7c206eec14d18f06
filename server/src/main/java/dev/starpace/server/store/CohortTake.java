package dev.starpace.server.store;

/** A take a candidate of a cohort shared with its coaches: the attempt and its owner's e-mail. */
public record CohortTake(String attemptId, String email) {
}
