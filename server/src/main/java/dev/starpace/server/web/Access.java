package dev.starpace.server.web;

import dev.starpace.server.store.Attempt;
import dev.starpace.server.store.AttemptStore;
import dev.starpace.server.store.Person;
import io.javalin.http.Context;

/**
 * Whether the request's person may read or change an attempt: its owner may do both; a coach may read a take its owner
 * shared with them (a candidate of one of the coach's cohorts). Anyone else is told the attempt is not there, the same
 * 404 as for one deleted, so that nobody learns which attempts exist.
 */
final class Access {
    private final AttemptStore store;

    Access(AttemptStore store) {
        this.store = store;
    }

    /** The attempt whole, if the request's person may read it. */
    Attempt readable(Context ctx, String id) {
        Person p = Gate.person(ctx);
        return store.get(id).filter(a -> a.owner().equals(p.id()) || coachSees(p, a.id())).orElseThrow(Access::none);
    }

    /** The attempt whole, if the request's person owns it. */
    Attempt owned(Context ctx, String id) {
        Person p = Gate.person(ctx);
        return store.get(id).filter(a -> a.owner().equals(p.id())).orElseThrow(Access::none);
    }

    /** The attempt whole, if the request's person is a coach who may see it (its owner shared it with their cohort). */
    Attempt coached(Context ctx, String id) {
        Person p = Gate.person(ctx);
        return store.get(id).filter(a -> coachSees(p, a.id())).orElseThrow(Access::none);
    }

    private boolean coachSees(Person p, String attemptId) {
        return p.role().coaches() && store.team().coachMaySee(p.email(), attemptId);
    }

    static ApiException none() {
        return new ApiException(404, Api.NO_ATTEMPT);
    }
}
