package dev.starpace.server.web;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Tests against a real server on a free local port, with a data folder of its own for each test. */
abstract class ServerTest {
    @TempDir
    Path data;

    ServerFixture server;

    @BeforeEach
    void startServer() {
        server = new ServerFixture(data);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }
}
