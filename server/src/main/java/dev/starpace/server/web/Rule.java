package dev.starpace.server.web;

import dev.starpace.server.store.Role;
import io.javalin.http.Context;

/**
 * Who may call a route in team mode. Every route declares one (StarPaceServer's route table), so that a route cannot be
 * added without saying who it is for; the authorization matrix test reads the table. In personal mode the one person
 * at the machine may call every route but the coach's.
 */
enum Rule {
    /** Before signing in: signing in itself and the balancer's health check. */
    OPEN,
    /** Anyone signed in, acting for themself: the question bank, their own attempts, a new attempt. */
    SIGNED_IN,
    /**
     * One attempt: its owner; for reading, also a coach of a cohort the owner is a candidate in, when the owner shared
     * it. Anyone else is told there is no such attempt (404), so that an attempt's existence does not leak.
     */
    OWNER_OR_COACH_READS,
    /** One attempt, changed: its owner alone (404 for anyone else). */
    OWNER,
    /**
     * One attempt, reviewed: a coach it is shared with. A candidate is refused by role (403) before any attempt is looked
     * up; a coach it is not shared with is told there is no such attempt (404).
     */
    COACH_OF_SHARED,
    /** Coaches and admins. */
    COACH,
    /** Admins. */
    ADMIN;

    /** Refuses a person whose role this rule does not admit; the attempt rules are checked against the attempt (Access). */
    void check(Context ctx) {
        if (this == OPEN) {
            return;
        }
        Role role = Gate.person(ctx).role();
        if ((this == COACH || this == COACH_OF_SHARED) && !role.coaches() || this == ADMIN && role != Role.ADMIN) {
            throw new ApiException(403, this == COACH ? "Only a coach can do this." : "Only an admin can do this.");
        }
    }
}
