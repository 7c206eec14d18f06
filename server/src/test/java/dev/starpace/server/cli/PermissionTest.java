package dev.starpace.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.starpace.server.Fixtures;
import dev.starpace.server.store.AttemptStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Permission denied", as a user meets it: the real command on files and folders that user may not read or write
 * (as nobody when the tests run as root; Unprivileged). Each failure is the one line the README promises, and exit 3.
 */
class PermissionTest {
    @TempDir
    static Path dir;
    static Unprivileged starpace;

    @BeforeAll
    static void prepare() throws Exception {
        starpace = new Unprivileged(dir);
    }

    @Test
    void analyzeSaysPermissionDeniedForARecordingOrTranscriptItCannotRead() throws Exception {
        Path wav = Unprivileged.deny(Files.copy(Fixtures.wav("seed-weak"), dir.resolve("answer.wav")));
        Path json = Unprivileged.deny(Files.writeString(dir.resolve("answer.json"), "{\"words\": []}"));
        assertFails(List.of("starpace: " + wav + ": permission denied"),
            starpace.run("analyze", "--model", starpace.model.toString(), wav.toString()));
        assertFails(List.of("starpace: " + json + ": permission denied"), starpace.run("analyze", json.toString()));
    }

    @Test
    void batchReportsTheRecordingItCannotReadAndAnOutputFolderItCannotWrite() throws Exception {
        Path recordings = Unprivileged.open(Files.createDirectories(dir.resolve("recordings")), "rwxr-xr-x");
        Path wav = Unprivileged.deny(Files.copy(Fixtures.wav("seed-weak"), recordings.resolve("answer.wav")));
        Path out = Unprivileged.open(Files.createDirectories(dir.resolve("results")), "rwxrwxrwx");
        assertFails(List.of("[1/1] " + wav + ": failed: " + wav + ": permission denied"),
            starpace.run("batch", "--model", starpace.model.toString(), "--out", out.toString(), recordings.toString()));
        Path closed = Unprivileged.deny(Files.createDirectories(dir.resolve("closed-results")));
        assertFails(List.of("starpace: cannot write to the folder " + closed + ": permission denied"),
            starpace.run("batch", "--out", closed.toString(), recordings.toString()));
    }

    @Test
    void serveSaysPermissionDeniedForADataFolderItCannotWriteOrADatabaseItCannotRead() throws Exception {
        Path data = Unprivileged.deny(Files.createDirectories(dir.resolve("data")));
        assertFails(List.of("starpace: cannot write to the data folder " + data + ": permission denied; StarPace writes every"
            + " answer to it"), starpace.run("serve", "--port", "0", "--model", starpace.model.toString(), "--data", data.toString()));
        Path other = Unprivileged.open(Files.createDirectories(dir.resolve("other-data")), "rwxrwxrwx");
        AttemptStore.open(other).close();
        Path db = Unprivileged.deny(other.resolve("starpace.db"));
        assertFails(List.of("starpace: cannot read the attempt database " + db + ": permission denied"),
            starpace.run("serve", "--port", "0", "--model", starpace.model.toString(), "--data", other.toString()));
    }

    private static void assertFails(List<String> lines, Unprivileged.Run run) {
        assertEquals(lines, run.errLines(), run.err());
        assertEquals(Main.BAD_INPUT, run.code(), run.err());
    }
}
