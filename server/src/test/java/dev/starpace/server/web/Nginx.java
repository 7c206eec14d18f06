package dev.starpace.server.web;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's nginx (apt-get install nginx-light) in front of StarPace instances, as docs/teams.md deploys it: one upstream
 * of every instance, WebSockets passed through, a failed instance skipped for the next request. Runs in the foreground
 * from a folder of its own on a free loopback port.
 */
final class Nginx implements AutoCloseable {
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    final int port;
    final Process process;
    final Path log;

    /** A free loopback port, for the address the instances are configured with before nginx starts. */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    Nginx(Path dir, int port, List<Integer> instances) throws Exception {
        this.port = port;
        Files.createDirectories(dir.resolve("logs"));
        log = dir.resolve("logs/error.log");
        StringBuilder upstream = new StringBuilder();
        for (int p : instances) {
            upstream.append("    server 127.0.0.1:").append(p).append(" max_fails=1 fail_timeout=30s;\n");
        }
        Path conf = Files.writeString(dir.resolve("nginx.conf"), (ROOT ? "user root root;\n" : "") + """
            daemon off;
            worker_processes 1;
            pid %s/nginx.pid;
            error_log %s/logs/error.log warn;
            events { worker_connections 256; }
            http {
              access_log off;
              client_body_temp_path %s/body;
              proxy_temp_path %s/proxy;
              upstream starpace {
            %s  }
              map $http_upgrade $connection_upgrade { default upgrade; '' close; }
              server {
                listen 127.0.0.1:%d;
                location / {
                  proxy_pass http://starpace;
                  proxy_http_version 1.1;
                  proxy_set_header Host $http_host;
                  proxy_set_header Upgrade $http_upgrade;
                  proxy_set_header Connection $connection_upgrade;
                  proxy_read_timeout 600s;
                  proxy_next_upstream error timeout http_502 http_503;
                }
              }
            }
            """.formatted(dir, dir, dir, dir, upstream, port));
        List<String> command = new ArrayList<>(List.of("/usr/sbin/nginx", "-p", dir.toString(), "-c", conf.toString(), "-e", log.toString()));
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("logs/out.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                if (!process.isAlive()) {
                    throw new AssertionError("nginx did not start: " + Files.readString(dir.resolve("logs/out.log")));
                }
                Thread.sleep(100);
            }
        }
        throw new AssertionError("nginx did not listen on " + port);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor(10, TimeUnit.SECONDS);
    }
}
