package dev.starpace.server.cli;

import dev.starpace.server.speech.ModelLocator;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The real starpace command in a process of its own, as a user the file permissions apply to. Root reads and writes
 * everything, so when the tests run as root (as CI does) the command runs as nobody (setpriv, from util-linux), on a
 * copy of this JVM's classpath and of the speech model that nobody can read: hard links, in a folder of the test's.
 * Otherwise it runs as the current user.
 */
final class Unprivileged {
    static final boolean ROOT = "root".equals(System.getProperty("user.name"));
    private static final String NOBODY = "65534";

    record Run(int code, String out, String err) {
        /** What the user reads on the terminal's error stream, line by line. */
        List<String> errLines() {
            return err.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    private final Path home;
    private final String classpath;
    final Path model;

    /** Prepares the command in {@code dir}, which is made readable by every user. */
    Unprivileged(Path dir) throws IOException {
        open(dir, "rwxr-xr-x");
        home = open(Files.createDirectories(dir.resolve("home")), "rwxrwxrwx");
        List<String> entries = new ArrayList<>();
        int i = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path from = Path.of(entry);
            if (Files.exists(from)) {
                entries.add(ROOT ? mirror(from, dir.resolve("cp").resolve(i++ + "-" + from.getFileName())).toString() : entry);
            }
        }
        classpath = String.join(File.pathSeparator, entries);
        Path found = ModelLocator.find(null);
        model = ROOT ? mirror(found, dir.resolve("model")) : found;
    }

    /** Makes a file or folder that no one but its owner may read or write (000; 755 for a folder of root's). */
    static Path deny(Path path) throws IOException {
        return open(path, Files.isDirectory(path) ? (ROOT ? "rwxr-xr-x" : "r-xr-xr-x") : "---------");
    }

    static Path open(Path path, String permissions) throws IOException {
        return Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
    }

    Run run(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        if (ROOT) {
            command.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Duser.home=" + home, "-cp", classpath, Main.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(home.toFile()).start();
        p.getOutputStream().close();
        var out = p.getInputStream().readAllBytes();
        var err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("starpace " + String.join(" ", args) + " did not finish");
        }
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    /** Hard links to every file under {@code from} (a copy where a link cannot be read by all), in open folders. */
    private static Path mirror(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            open(Files.createDirectories(to.getParent()), "rwxr-xr-x");
            link(from, to);
            return to;
        }
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    open(Files.createDirectories(target), "rwxr-xr-x");
                } else {
                    link(f.toRealPath(), target);
                }
            }
        }
        return to;
    }

    /**
     * A hard link where it can be (the speech model is hundreds of megabytes); a link shares the file's permissions and
     * cannot cross disks, so a file that not everyone may read, or one on another disk, is copied instead.
     */
    private static void link(Path from, Path to) throws IOException {
        boolean readable = Files.getPosixFilePermissions(from).contains(PosixFilePermission.OTHERS_READ);
        if (readable && Files.getFileStore(from).equals(Files.getFileStore(to.getParent()))) {
            Files.createLink(to, from);
            return;
        }
        Files.copy(from, to);
        open(to, "rw-r--r--");
    }
}
