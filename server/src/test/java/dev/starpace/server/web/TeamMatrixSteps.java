package dev.starpace.server.web;

import java.util.Map;

/** What the authorization matrix makes anew before a call that destroys it. */
final class TeamMatrixSteps {
    interface Step {
        String make(Map<AuthorizationMatrixTest.Who, TeamFixture.Member> members) throws Exception;
    }

    private TeamMatrixSteps() {
    }

    /** A take of Ana's, shared with her cohort. */
    static String take(Map<AuthorizationMatrixTest.Who, TeamFixture.Member> members) throws Exception {
        return AuthorizationMatrixTest.sharedTake();
    }

    /** A comment of Cole's on Ana's shared take. */
    static String coleComment(Map<AuthorizationMatrixTest.Who, TeamFixture.Member> members) throws Exception {
        return members.get(AuthorizationMatrixTest.Who.COLE).post("/api/attempts/" + AuthorizationMatrixTest.shared + "/comments",
            "{\"start\": 0, \"end\": 2, \"text\": \"Start with the situation.\"}").json().get("id").asText();
    }

    /** A member of Cole's cohort, by e-mail. */
    static String member(Map<AuthorizationMatrixTest.Who, TeamFixture.Member> members) throws Exception {
        members.get(AuthorizationMatrixTest.Who.COLE).post("/api/cohorts/" + AuthorizationMatrixTest.cohort + "/members",
            "{\"email\": \"leaving@example.edu\"}");
        return "leaving@example.edu";
    }
}
