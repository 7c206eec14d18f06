package dev.starpace.server.store;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for the tests: Debian's (apt-get install postgresql), a throwaway cluster made with initdb in a
 * temporary folder and started with pg_ctl on a free loopback port, with no Unix socket and trust sign-in for its one
 * user. PostgreSQL refuses to run as root, so when the tests run as root (as CI does) it runs as nobody (setpriv, as
 * PermissionTest does). One cluster serves every test of the JVM ({@link #shared()}), each with a database of its own;
 * a test that stops or restarts the server makes its own ({@link #start()}).
 */
public final class PostgresCluster implements AutoCloseable {
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));
    private static final String NOBODY = "65534";
    private static final String USER = "starpace";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static PostgresCluster shared;

    private final Path bin;
    private final Path dir;
    private final Path data;
    private final int port;

    private PostgresCluster(Path bin, Path dir, int port) {
        this.bin = bin;
        this.dir = dir;
        this.data = dir.resolve("data");
        this.port = port;
    }

    /** The cluster every test of this JVM shares, started on first use and stopped as the JVM exits. */
    public static synchronized PostgresCluster shared() throws Exception {
        if (shared == null) {
            shared = start();
            PostgresCluster cluster = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::close));
        }
        return shared;
    }

    /** A cluster of the caller's own: initdb, then started. */
    public static PostgresCluster start() throws Exception {
        Path dir = Files.createTempDirectory("starpace-pg");
        PostgresCluster cluster = new PostgresCluster(serverBin(), dir, freePort());
        if (ROOT) {
            Files.setAttribute(dir, "unix:uid", Integer.parseInt(NOBODY));
            Files.setAttribute(dir, "unix:gid", Integer.parseInt(NOBODY));
        }
        cluster.run("initdb", "-D", cluster.data.toString(), "-U", USER, "--auth=trust", "--encoding=UTF8", "--no-locale", "--no-sync");
        cluster.startServer();
        return cluster;
    }

    /** Debian puts each major version's server programs in /usr/lib/postgresql/VERSION/bin: the newest. */
    private static Path serverBin() {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString().replaceAll("\\D", "0"))))
                .orElseThrow(() -> new IllegalStateException("no PostgreSQL server in /usr/lib/postgresql: apt-get install postgresql"));
        } catch (IOException e) {
            throw new IllegalStateException("no PostgreSQL server in /usr/lib/postgresql: apt-get install postgresql", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    public int port() {
        return port;
    }

    /** Starts the server (again), listening on 127.0.0.1 only. */
    public void startServer() throws Exception {
        run("pg_ctl", "-D", data.toString(), "-l", dir.resolve("log").toString(), "-w", "-t", "60", "-o",
            "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=50", "start");
    }

    /** Stops the server at once, as a crash or a power cut would, without a checkpoint. */
    public void stopServer() throws Exception {
        run("pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "stop");
    }

    /** A new empty database, owned by the cluster's user. */
    public PostgresAttemptStore.Database newDatabase() throws SQLException {
        String name = "t" + DATABASES.incrementAndGet() + "_" + ProcessHandle.current().pid();
        try (Connection db = DriverManager.getConnection(url("postgres"), USER, null); Statement s = db.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return new PostgresAttemptStore.Database(url(name), USER, null);
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private void run(String program, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        if (ROOT) {
            command.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(args));
        File output = dir.resolve(program + ".out").toFile();
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(output)).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(program + " did not finish");
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException(program + " failed (" + p.exitValue() + "): "
                + Files.readString(output.toPath(), StandardCharsets.UTF_8)
                + (Files.exists(dir.resolve("log")) ? Files.readString(dir.resolve("log"), StandardCharsets.UTF_8) : ""));
        }
    }

    /** Stops the server and removes its files. */
    @Override
    public void close() {
        try {
            stopServer();
        } catch (Exception e) {
            // already stopped
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind
        }
    }
}
