package dev.starpace.server.store;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The migration versions a folder of db/ holds, as Flyway's history lists them, read from the files themselves: the
 * numbers may have gaps (two branches each take one, renumbered when merged), so they are not counted up to a latest.
 */
final class MigrationFiles {
    private MigrationFiles() {
    }

    /** The versions in db/{@code folder} from {@code first} on, lowest first. */
    static List<String> versions(String folder, int first) {
        try (Stream<Path> files = Files.list(Path.of(MigrationFiles.class.getResource("/db/" + folder).toURI()))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                .map(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).filter(v -> v >= first).sorted()
                .map(String::valueOf).toList();
        } catch (java.io.IOException | URISyntaxException e) {
            throw new AssertionError("cannot list the migrations in db/" + folder, e);
        }
    }

    /** The newest version in db/{@code folder}. */
    static int latest(String folder) {
        List<String> all = versions(folder, 1);
        return Integer.parseInt(all.get(all.size() - 1));
    }
}
