package dev.starpace.server.team;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The team configuration file as an IT person writes it (docs/teams.md), and each mistake in it as one line. */
class TeamConfigTest {
    @TempDir
    Path dir;

    @Test
    void theExampleOfTheDocsIsRead() throws Exception {
        Files.writeString(dir.resolve("db-password"), "s3cret\n");
        Files.writeString(dir.resolve("oidc-secret"), "client-s3cret\n");
        TeamConfig c = TeamConfig.read(Files.writeString(dir.resolve("team.properties"), """
            database.url = postgresql://db.example.edu:5432/starpace
            database.user = starpace
            database.password-file = db-password
            public-url = https://interviews.example.edu/
            allowed-hosts = interviews, interviews.example.edu
            sign-in.issuer = https://accounts.google.com
            sign-in.client-id = 1234.apps.googleusercontent.com
            sign-in.client-secret-file = oidc-secret
            """));
        assertEquals("jdbc:postgresql://db.example.edu:5432/starpace", c.database().url());
        assertEquals("s3cret", c.database().password(), "read from its own file, without the newline");
        assertEquals(List.of("interviews.example.edu", "interviews"), c.allowedHosts(), "the public URL's host first, once");
        assertEquals("client-s3cret", c.signIn().clientSecret());
        assertFalse(c.insecureNoSignIn(), "only the command line turns sign-in off");
        assertFalse(c.toString().contains("s3cret"), c.toString());
    }

    @Test
    void signInIsOptionalInTheFile() throws Exception {
        TeamConfig c = read("database.url = jdbc:postgresql://localhost/starpace\npublic-url = http://localhost:7070/\n");
        assertNull(c.signIn());
        assertThrows(TeamConfigException.class, c::requireSignIn);
        c.withInsecureNoSignIn(true).requireSignIn();
    }

    @Test
    void eachMistakeIsOneLine() {
        assertRefused("database.url = jdbc:mysql://db/starpace\npublic-url = https://a.example/\n",
            "database.url in FILE must be a PostgreSQL URL, jdbc:postgresql://HOST:PORT/DATABASE");
        assertRefused("database.url = jdbc:postgresql://db/starpace\npublic-url = interviews.example.edu\n",
            "public-url in FILE must be the address candidates open, such as https://interviews.example.edu/, not interviews.example.edu");
        assertRefused("database.url = jdbc:postgresql://db/starpace\npublic-url = https://a.example/\nsign-in.issuer = https://id.example\n",
            "the sign-in provider in FILE needs sign-in.issuer, sign-in.client-id and sign-in.client-secret (or"
                + " sign-in.client-secret-file), as the provider gave them for StarPace");
        assertRefused("database.url = jdbc:postgresql://db/starpace\npublic-url = https://a.example/\n"
            + "sign-in.issuer = http://id.example\nsign-in.client-id = x\nsign-in.client-secret = y\n", "sign-in.issuer in FILE must be an https:// URL, not http://id.example");
        assertRefused("database.url = jdbc:postgresql://db/starpace\ndatabase.password = a\ndatabase.password-file = b\n"
            + "public-url = https://a.example/\n", "FILE gives both database.password and database.password-file; keep one");
        assertRefused("database.url = jdbc:postgresql://db/starpace\ndatabase.password-file = nothing-here\n"
            + "public-url = https://a.example/\n", "database.password-file in FILE names " + dir.resolve("nothing-here") + ", which does not exist");
    }

    @Test
    void rolesComeFromGroupsOrTheListsAndSessionsFromTheFile() throws Exception {
        TeamConfig c = read("database.url = jdbc:postgresql://localhost/starpace\npublic-url = https://a.example/\n"
            + "sign-in.issuer = https://id.example\nsign-in.client-id = x\nsign-in.client-secret = y\n"
            + "sign-in.groups-claim = roles\nsign-in.coach-groups = coaches, mentors\nsign-in.admin-groups = it\n"
            + "admins = Boss@A.example\ncoaches = kim@a.example\nsession-hours = 1.5\n");
        RoleRules r = c.roles();
        assertEquals("roles", r.groupsClaim());
        assertEquals(dev.starpace.server.store.Role.ADMIN, r.of("boss@a.example", List.of()));
        assertEquals(dev.starpace.server.store.Role.ADMIN, r.of("x@a.example", List.of("mentors", "it")), "the higher role wins");
        assertEquals(dev.starpace.server.store.Role.COACH, r.of("KIM@a.example", List.of()));
        assertEquals(dev.starpace.server.store.Role.COACH, r.of(null, List.of("mentors")));
        assertEquals(dev.starpace.server.store.Role.CANDIDATE, r.of("sam@a.example", List.of("students")));
        assertEquals(java.time.Duration.ofMinutes(90), c.sessionLength());
        assertTrue(c.secureCookies(), "an https public URL: cookies only over TLS");
        assertEquals("https://a.example/sign-in/callback", c.callback().toString());
        assertRefused("database.url = jdbc:postgresql://db/starpace\npublic-url = https://a.example/\nsession-hours = forever\n",
            "session-hours in FILE must be a number of hours above 0 and at most 720, not forever");
        assertNull(c.retention(), "kept until deleted unless the file says otherwise");
        assertEquals(java.time.Duration.ofDays(365), read("database.url = jdbc:postgresql://db/starpace\npublic-url = https://a.example/\n"
            + "retention-days = 365\n").retention());
        assertRefused("database.url = jdbc:postgresql://db/starpace\npublic-url = https://a.example/\nretention-days = 0\n",
            "retention-days in FILE must be a whole number of days from 1 to 3650, not 0");
    }

    private TeamConfig read(String text) throws Exception {
        return TeamConfig.read(Files.writeString(dir.resolve("team.properties"), text));
    }

    private void assertRefused(String text, String message) {
        Path file = dir.resolve("team.properties");
        TeamConfigException e = assertThrows(TeamConfigException.class, () -> read(text));
        assertEquals(message.replace("FILE", file.toString()), e.getMessage());
        assertTrue(e.getMessage().lines().count() == 1);
    }
}
