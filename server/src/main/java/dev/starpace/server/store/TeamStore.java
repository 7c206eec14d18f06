package dev.starpace.server.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Team mode's people, sessions, cohorts and reviews, kept in the same database as the attempts (both stores, one schema), so that any
 * instance on the database knows who is signed in. Every failure is a {@link StorageException} with one line.
 */
public interface TeamStore {
    /** Adds the person, or updates their name, e-mail and role as the identity provider now says them. */
    void savePerson(Person person);

    Optional<Person> person(String id);

    /** Keeps a new session, found later by the hash of its token (never the token itself). */
    void startSignIn(String tokenHash, String personId, String csrf, Instant expires);

    /** The session, unless it has ended or expired by {@code now}. */
    Optional<SignIn> signIn(String tokenHash, Instant now);

    /** Ends the session (signing out); nothing when it has already ended. */
    void endSignIn(String tokenHash);

    /** Forgets every session expired by {@code now}; how many there were. */
    int endExpired(Instant now);

    /** A new cohort, with its creator (by e-mail) as its first coach. */
    Cohort createCohort(String name, String createdBy, String creatorEmail);

    Optional<Cohort> cohort(String id);

    /** Every cohort (for an admin). */
    List<Cohort> cohorts();

    /** The cohorts this e-mail is a member of in this role. */
    List<Cohort> cohortsOf(String email, Role role);

    /** Adds a member, or changes their role in the cohort. */
    void addMember(String cohortId, String email, Role role);

    boolean removeMember(String cohortId, String email);

    /** Whether this e-mail coaches the cohort. */
    boolean coaches(String email, String cohortId);

    /**
     * Whether a coach (by e-mail) may see the attempt: its owner shared it and is a candidate of a cohort the coach
     * coaches.
     */
    boolean coachMaySee(String coachEmail, String attemptId);

    /** Lets the coaches of the owner's cohorts see the attempt, or stops letting them. */
    void share(String attemptId, boolean shared);

    /** The shared takes of the candidates of the cohorts this e-mail coaches, newest first. */
    List<QueueItem> reviewQueue(String coachEmail);

    Review review(String attemptId);

    Review.Comment comment(String attemptId, Person author, double start, double end, String body);

    boolean deleteComment(String attemptId, String commentId, String authorId);

    void score(String attemptId, Person coach, int score, String note);

    /** Marks the take reviewed by the coach, or back to be reviewed. */
    void markReviewed(String attemptId, Person coach, boolean reviewed);

    /** The person who signed in with this e-mail, if anyone has. */
    Optional<Person> personByEmail(String email);

    Assignment createAssignment(String cohortId, String title, List<String> questions, String level, Instant due,
                                int attemptsAllowed, String createdBy);

    /** The cohort's assignments, soonest due first. */
    List<Assignment> assignments(String cohortId);

    /** The shared takes of the cohort's candidates, oldest first. */
    List<CohortTake> sharedTakes(String cohortId);

    /** Keeps that a take its owner is deleting was one of their attempts at the assignment's question (nothing else of it). */
    void spend(String assignmentId, String owner, String questionId, String attemptId, String startedAt);

    /** The ids of the deleted takes still counted as the owner's attempts at the assignment's question. */
    List<String> spent(String assignmentId, String owner, String questionId);
}
