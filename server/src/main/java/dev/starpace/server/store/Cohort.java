package dev.starpace.server.store;

import java.util.List;

/** A group of candidates and the coaches who review their shared takes; members by e-mail. */
public record Cohort(String id, String name, String createdAt, List<Member> members) {
    /** One member: their e-mail, whether they coach the cohort or practise in it, and their name once they have signed in. */
    public record Member(String email, Role role, String name) {
    }
}
