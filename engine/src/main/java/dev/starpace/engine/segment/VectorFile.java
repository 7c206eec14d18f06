package dev.starpace.engine.segment;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * Sentence vectors kept in a file between runs, by text, for tests and training runs that encode the same corpus
 * texts every time: a text's vector does not change while the encoder does not, so the file is named for its encoder.
 * Several processes may share one file (test forks side by side): each adds what it encoded when it exits.
 */
public final class VectorFile {
    private VectorFile() {
    }

    /** The vectors in {@code file}: none if there is no file yet or it cannot be read (it says why). */
    @SuppressWarnings("unchecked")
    public static Map<String, float[]> read(Path file) {
        if (!Files.exists(file)) {
            return new HashMap<>();
        }
        try (var in = new ObjectInputStream(Files.newInputStream(file))) {
            return new HashMap<>((Map<String, float[]>) in.readObject());
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            System.err.println("ignoring the vector cache " + file + ": " + e.getMessage());
            return new HashMap<>();
        }
    }

    /**
     * When the process exits, adds {@code vectors} (a live map, still filling) to {@code file} if it holds texts the
     * file lacked: under a lock, merged with what other processes wrote meanwhile, written whole to a new file and
     * moved over the old one, so a reader never sees half a file.
     */
    public static void writeAtExit(Path file, Map<String, float[]> vectors) {
        int known = vectors.size();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (vectors.size() == known) {
                return;
            }
            Path lock = file.resolveSibling(file.getFileName() + ".lock");
            Path fresh = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
                try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                     var held = channel.lock()) {
                    Map<String, float[]> all = read(file);
                    all.putAll(vectors);
                    try (var out = new ObjectOutputStream(Files.newOutputStream(fresh))) {
                        out.writeObject(all);
                    }
                    Files.move(fresh, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
            } catch (IOException e) {
                System.err.println("cannot write the vector cache " + file + ": " + e.getMessage());
            }
        }));
    }
}
