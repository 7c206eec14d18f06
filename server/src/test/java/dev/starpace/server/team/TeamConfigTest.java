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
            "the sign-in provider in FILE needs both sign-in.issuer and sign-in.client-id");
        assertRefused("database.url = jdbc:postgresql://db/starpace\npublic-url = https://a.example/\n"
            + "sign-in.issuer = http://id.example\nsign-in.client-id = x\n", "sign-in.issuer in FILE must be an https:// URL, not http://id.example");
        assertRefused("database.url = jdbc:postgresql://db/starpace\ndatabase.password = a\ndatabase.password-file = b\n"
            + "public-url = https://a.example/\n", "FILE gives both database.password and database.password-file; keep one");
        assertRefused("database.url = jdbc:postgresql://db/starpace\ndatabase.password-file = nothing-here\n"
            + "public-url = https://a.example/\n", "database.password-file in FILE names " + dir.resolve("nothing-here") + ", which does not exist");
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
