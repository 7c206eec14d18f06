package dev.starpace.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command of the README's command-line section, run as a newcomer would: the real command, from a folder laid out
 * as the repository's root (its docs/ is the repository's own), on the example files shipped in docs/examples/.
 */
class ReadmeExamplesTest {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final String SECTION = "## The command line";

    @TempDir
    Path here;

    @Test
    void everyCommandLineExampleRunsAsWritten() throws Exception {
        List<List<String>> examples = examples(Files.readString(ROOT.resolve("README.md")));
        assertTrue(examples.size() >= 6, "the README's examples were found: " + examples);
        Files.createSymbolicLink(here.resolve("docs"), ROOT.resolve("docs"));
        for (List<String> args : examples) {
            Result r = run(args);
            assertEquals(0, r.code(), "./starpace " + String.join(" ", args) + "\n" + r.err());
            assertFalse(r.out().isBlank() && !args.get(0).equals("batch"), "prints something: " + args);
            assertFalse(r.err().contains("Exception"), r.err());
        }
        assertTrue(Files.isRegularFile(here.resolve("results").resolve("summary.csv")), "batch wrote where the README says");
    }

    /** The `./starpace …` lines of the README's command-line section, each split as a shell would, comments dropped. */
    static List<List<String>> examples(String readme) {
        String section = readme.substring(readme.indexOf(SECTION));
        section = section.substring(0, section.indexOf("\n## ", SECTION.length()));
        List<List<String>> out = new ArrayList<>();
        for (String line : section.lines().toList()) {
            if (line.startsWith("./starpace ")) {
                out.add(words(line.substring("./starpace ".length()).replaceFirst("\\s+#.*$", "")));
            }
        }
        return out;
    }

    private static List<String> words(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        for (char c : command.trim().toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ' ' && !quoted) {
                if (!word.isEmpty()) {
                    words.add(word.toString());
                    word.setLength(0);
                }
            } else {
                word.append(c);
            }
        }
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        return words;
    }

    private record Result(int code, String out, String err) {
    }

    private Result run(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"), "-Dstarpace.model=" + System.getProperty("starpace.model"),
            Main.class.getName()));
        command.addAll(args);
        File out = here.resolve("out.txt").toFile();
        File err = here.resolve("err.txt").toFile();
        Process p = new ProcessBuilder(command).directory(here.toFile()).redirectOutput(out).redirectError(err).start();
        p.getOutputStream().close();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "finished: " + args);
        return new Result(p.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8),
            Files.readString(err.toPath(), StandardCharsets.UTF_8));
    }
}
