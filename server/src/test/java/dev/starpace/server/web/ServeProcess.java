package dev.starpace.server.web;

import dev.starpace.server.Fixtures;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real {@code starpace serve} in a process of its own (this JVM's classpath), on a free port: what a user runs,
 * so that it can be killed with SIGKILL mid-answer and started again on the same data folder.
 */
final class ServeProcess implements AutoCloseable {
    private static final Pattern RUNNING = Pattern.compile("running on http://[^:]+:(\\d+)/");

    final Process process;
    final List<String> out = new CopyOnWriteArrayList<>();
    final List<String> err = new CopyOnWriteArrayList<>();
    final int port;

    private ServeProcess(List<String> serveOptions, List<String> jvmOptions) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.starpace.server.cli.Main",
            "serve", "--port", "0", "--model", Fixtures.model().dir().toString()));
        command.addAll(serveOptions);
        process = new ProcessBuilder(command).start();
        read(process.getErrorStream(), err);
        Thread stdout = read(process.getInputStream(), out);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        Integer found = null;
        while (found == null && System.nanoTime() < deadline && (process.isAlive() || stdout.isAlive())) {
            for (String line : out) {
                Matcher m = RUNNING.matcher(line);
                if (m.find()) {
                    found = Integer.parseInt(m.group(1));
                }
            }
            Thread.sleep(50);
        }
        if (found == null) {
            process.destroyForcibly();
            throw new AssertionError("serve did not start: " + out + " " + err);
        }
        port = found;
    }

    static ServeProcess start(Path data, String... jvmOptions) throws Exception {
        return new ServeProcess(List.of("--data", data.toString()), List.of(jvmOptions));
    }

    /** Team mode on the PostgreSQL database that CONFIG names, with no sign-in (there is none yet to test with). */
    static ServeProcess team(Path config, String... jvmOptions) throws Exception {
        return new ServeProcess(List.of("--team", config.toString(), "--insecure-no-sign-in"), List.of(jvmOptions));
    }

    /** Team mode with sign-in, as the configuration says it: what several instances behind a balancer run. */
    static ServeProcess teamSigningIn(Path config, String... jvmOptions) throws Exception {
        return new ServeProcess(List.of("--team", config.toString()), List.of(jvmOptions));
    }

    private static Thread read(java.io.InputStream in, List<String> lines) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the process went away
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or closed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }
}
