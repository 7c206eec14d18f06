package dev.starpace.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starpace.server.Fixtures;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve --team CONFIG} from the command line: every way the switch refuses to start says so in one line with
 * exit code 3 (2 for a misused option), and team mode never starts without sign-in unless told it is a test.
 */
class TeamModeTest {
    @TempDir
    Path dir;

    @Test
    void teamModeWithoutSignInIsRefusedUnlessToldItIsATest() throws Exception {
        Path config = config("");
        MainTest.Run r = MainTest.run("serve", "--team", config.toString());
        assertRefused(r, 3, "starpace: team mode needs the organisation's sign-in (sign-in.issuer, sign-in.client-id and"
            + " sign-in.client-secret in the team configuration) so that it is not open to anyone who reaches it;"
            + " --insecure-no-sign-in starts it open, for tests only");
    }

    /** A provider without the secret it gave StarPace cannot sign anyone in: refused, not started open. */
    @Test
    void aProviderWithoutItsSecretIsRefused() throws Exception {
        Path config = config("sign-in.issuer = https://accounts.example.edu\nsign-in.client-id = starpace\n");
        MainTest.Run r = MainTest.run("serve", "--team", config.toString());
        assertRefused(r, 3, "starpace: the sign-in provider in " + config + " needs sign-in.issuer, sign-in.client-id and"
            + " sign-in.client-secret (or sign-in.client-secret-file), as the provider gave them for StarPace");
    }

    @Test
    void aBadConfigurationIsOneLine() throws Exception {
        assertRefused(MainTest.run("serve", "--team", dir.resolve("none.properties").toString()), 3,
            "starpace: the team configuration " + dir.resolve("none.properties") + " does not exist");
        Path typo = Files.writeString(dir.resolve("typo.properties"), "databse.url = jdbc:postgresql://db/starpace\n");
        MainTest.Run r = MainTest.run("serve", "--team", typo.toString());
        assertEquals(3, r.code());
        assertTrue(r.err().startsWith("starpace: unknown setting 'databse.url' in the team configuration"), r.err());
        Path noUrl = Files.writeString(dir.resolve("no-url.properties"), "public-url = https://interviews.example.edu/\n");
        assertRefused(MainTest.run("serve", "--team", noUrl.toString()), 3,
            "starpace: the team configuration " + noUrl + " has no database.url (docs/teams.md)");
        assertRefused(MainTest.run("serve", "--team", dir.toString()), 3,
            "starpace: cannot read the team configuration " + dir + ": it is a folder, not a file");
    }

    @Test
    void noSignInIsForTeamModeOnly() {
        MainTest.Run r = MainTest.run("serve", "--insecure-no-sign-in");
        assertRefused(r, 2, "starpace: --insecure-no-sign-in is for team mode only (with --team CONFIG)");
    }

    @Test
    void aTeamDatabaseThatCannotBeReachedIsOneLine() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path config = Files.writeString(dir.resolve("team.properties"), "database.url = jdbc:postgresql://127.0.0.1:" + port
            + "/starpace\npublic-url = https://interviews.example.edu/\n");
        MainTest.Run r = MainTest.run("serve", "--port", "0", "--team", config.toString(), "--insecure-no-sign-in",
            "--model", Fixtures.model().dir().toString());
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().lines().anyMatch(l -> l.equals("starpace: cannot open the team database jdbc:postgresql://127.0.0.1:"
            + port + "/starpace: the database server refuses connections (is it running, on that port?)")), r.err());
    }

    private Path config(String more) throws Exception {
        return Files.writeString(dir.resolve("team.properties"), """
            # the team's database and address (docs/teams.md)
            database.url = jdbc:postgresql://127.0.0.1:5432/starpace
            database.user = starpace
            public-url = https://interviews.example.edu/
            """ + more);
    }

    private static void assertRefused(MainTest.Run r, int code, String line) {
        assertEquals(code, r.code(), r.err());
        assertEquals(line, r.err().strip(), r.err());
        assertEquals("", r.out());
    }
}
