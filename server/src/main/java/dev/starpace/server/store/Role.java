package dev.starpace.server.store;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a signed-in person may do in team mode: practise (candidate), review a cohort's shared takes (coach), or both and run cohorts (admin). */
public enum Role {
    CANDIDATE, COACH, ADMIN;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }

    /** A coach's rights, which an admin has too. */
    public boolean coaches() {
        return this != CANDIDATE;
    }
}
