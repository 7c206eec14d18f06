package dev.starpace.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starpace.server.Fixtures;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server slower than the socket's idle timeout does not drop a client that is sending (issue 8, item 4). A real
 * serve process, its idle timeout shortened to one second: its first start loads the sentence encoder (about 1.5 s)
 * on the socket's thread, and then another program holds the database's write lock (as a backup or a sqlite3 shell
 * would), so the socket's thread waits on SQLite's busy timeout (3 s) in the middle of a frame, reading nothing,
 * while the client goes on sending. Before the fix Jetty closed it 1001 "Connection Idle Timeout".
 */
class SlowServerTest {
    static final int FRAME = AnswerSocketTest.FRAME;
    /** Audio sent while another program holds the database's lock: longer than SQLite's busy timeout. */
    static final int LOCKED = 45 * FRAME;

    @TempDir
    Path dir;

    @Test
    void aServerStuckOnAFrameKeepsTheSendingClientAndASilentClientIsClosed() throws Exception {
        Path data = dir.resolve("data");
        byte[] pcm = Fixtures.pcm("seed-weak");
        try (ServeProcess serve = ServeProcess.start(data, "-D" + StarPaceServer.SOCKET_IDLE_PROPERTY + "=1");
             Connection other = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("starpace.db"));
             Statement s = other.createStatement()) {
            LiveClient client = LiveClient.connect(serve.port);
            client.send(AnswerSocketTest.START);
            client.await("ready");
            assertTrue(client.types().contains("ready"), "no ready; closed " + client.closed.getNow(null) + " " + client.closeReason);
            int length = pcm.length / FRAME * FRAME;
            s.execute("BEGIN EXCLUSIVE");
            // 4.5 s of audio sent at real time, as a browser does: the first second's write waits 3 s on the lock
            for (int at = 0; at < LOCKED && !client.closed.isDone(); at += FRAME) {
                try {
                    client.send(pcm, at, at + FRAME);
                } catch (java.util.concurrent.CompletionException e) {
                    Thread.sleep(500); // closed meanwhile: the close code says why
                }
                Thread.sleep(100);
            }
            s.execute("ROLLBACK");
            assertFalse(client.closed.isDone(), "closed while sending: " + client.closed.getNow(null) + " "
                + client.closeReason + "; server: " + serve.err);
            for (int at = LOCKED; at < length; at += FRAME) {
                client.send(pcm, at, at + FRAME);
            }
            client.send("{\"type\":\"stop\"}");
            assertEquals(1000, client.awaitClose(), client.types() + " " + client.closeReason);
            assertTrue(client.types().contains("scored"), client.types().toString());

            // the idle timeout still closes a client that sends nothing while the server waits for it
            LiveClient silent = LiveClient.connect(serve.port);
            silent.send(AnswerSocketTest.START);
            silent.await("ready");
            assertEquals(1001, silent.awaitClose(), silent.closeReason);
        }
    }
}
