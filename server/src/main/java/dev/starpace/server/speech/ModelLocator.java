package dev.starpace.server.speech;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the Vosk model with no configuration: {@code --model DIR}, else {@code STARPACE_MODEL}, else the
 * {@code starpace.model} system property, else the model the build provisioned in models/target, looked for
 * beside the running jar and below the working folder.
 */
public final class ModelLocator {
    public static final String ENV = "STARPACE_MODEL";
    public static final String PROPERTY = "starpace.model";
    static final String PROVISIONED = "models/target/vosk-model-en-us";

    private ModelLocator() {
    }

    public static Path find(String explicit) {
        if (explicit != null) {
            return check(Path.of(explicit));
        }
        if (System.getenv(ENV) != null) {
            return check(Path.of(System.getenv(ENV)));
        }
        if (System.getProperty(PROPERTY) != null) {
            return check(Path.of(System.getProperty(PROPERTY)));
        }
        return provisioned();
    }

    /** The model the build put in models/target, beside the running code or below the working folder. */
    public static Path provisioned() {
        List<Path> tried = new ArrayList<>();
        for (Path base : bases()) {
            Path candidate = base.resolve(PROVISIONED).normalize();
            tried.add(candidate);
            if (Files.isDirectory(candidate)) {
                return check(candidate);
            }
        }
        throw new ModelException("no Vosk model found (looked in " + tried + "); run 'mvn install' to provision it,"
            + " or pass --model DIR / set " + ENV);
    }

    /** A folder is a Vosk model when it has the acoustic model, the graph and the configuration. */
    public static Path check(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new ModelException("not a Vosk model: " + dir + " is not a folder");
        }
        for (String part : List.of("am/final.mdl", "conf/model.conf")) {
            if (!Files.isRegularFile(dir.resolve(part))) {
                throw new ModelException("not a Vosk model: no " + part + " under " + dir);
            }
        }
        if (!Files.isDirectory(dir.resolve("graph")) && !Files.isRegularFile(dir.resolve("HCLG.fst"))) {
            throw new ModelException("not a Vosk model: no graph/ under " + dir);
        }
        return dir;
    }

    private static List<Path> bases() {
        List<Path> bases = new ArrayList<>();
        try {
            Path jar = Path.of(ModelLocator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // server/target/starpace.jar or server/target/classes -> the repository root
            Path root = jar.getParent() == null ? null : jar.getParent().getParent();
            if (root != null && root.getParent() != null) {
                bases.add(root.getParent());
            }
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            // no code source to start from; the working folder still is one
        }
        bases.add(Path.of("").toAbsolutePath());
        return bases;
    }
}
