package dev.starpace.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starpace.server.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server answers only to its own host names (DNS rebinding), REST and socket alike, and every response
 * carries the security headers. Requests are written by hand so that the Host header can lie.
 */
class LockdownTest extends ServerTest {
    static final String UPGRADE = "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
        + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n";

    @TempDir
    Path otherData;

    @Test
    void aRequestNamingAnotherHostIsRefusedRestStaticAndSocket() throws Exception {
        int port = server.port();
        for (String host : List.of("127.0.0.1:" + port, "localhost:" + port, "LOCALHOST", "[::1]:" + port)) {
            assertEquals(200, status(raw(port, host, "GET", "/api/attempts", "")), host);
        }
        for (String host : List.of("evil.example:" + port, "evil.example", "127.0.0.1.evil.example:" + port, "localhost.evil.example")) {
            String api = raw(port, host, "GET", "/api/attempts", "");
            assertEquals(403, status(api), host);
            assertTrue(api.contains("does not answer to the host name"), api);
            assertEquals(403, status(raw(port, host, "GET", "/", "")), "the page too: " + host);
            assertEquals(403, status(raw(port, host, "DELETE", "/api/attempts/x", "")), host);
            for (String path : List.of("/api/attempts/x/audio", "/api/attempts/x/report.html", "/api/attempts/x/transcript.json",
                "/api/attempts/x/probes", "/api/questions/x/progress")) {
                assertEquals(403, status(raw(port, host, "GET", path, "")), host + path);
            }
            assertEquals(403, status(raw(port, host, "POST", "/api/attempts/written", "Content-Length: 0\r\n")), host);
            assertEquals(403, status(raw(port, host, "GET", "/ws/answer", UPGRADE + "Origin: http://" + host + "\r\n")),
                "the socket refuses the upgrade: " + host);
        }
        assertTrue(body(raw(port, "127.0.0.1:" + port, "GET", "/api/attempts", "")).contains("[]"), "nothing refused was stored");
        assertEquals(101, status(raw(port, "127.0.0.1:" + port, "GET", "/ws/answer", UPGRADE)), "its own host upgrades");
        String huge = raw(port, "x".repeat(5000), "GET", "/api/attempts", "");
        assertEquals(403, status(huge));
        assertTrue(body(huge).length() < 300, "a long host is not echoed whole: " + body(huge).length());
    }

    @Test
    void aHostNamedWithAllowedHostIsServed() throws Exception {
        try (ServerFixture named = new ServerFixture(StarPaceServer.start(new StarPaceServer.Settings("127.0.0.1", 0,
            otherData, Fixtures.BANK, Fixtures.model(), List.of("studio.lan"))))) {
            assertEquals(200, status(raw(named.port(), "studio.lan:" + named.port(), "GET", "/api/attempts", "")));
            assertEquals(403, status(raw(named.port(), "evil.example", "GET", "/api/attempts", "")));
        }
    }

    @Test
    void aServerOnEveryInterfaceAnswersToIpAddressesButNotToNames() {
        HostGuard any = new HostGuard("0.0.0.0", List.of());
        assertTrue(any.allows("192.168.1.20:7070") && any.allows("[fe80::1]:7070") && any.allows("localhost:7070"));
        assertFalse(any.allows("evil.example:7070") || any.allows("192.168.1.20.evil.example") || any.allows(null) || any.allows(""));
        HostGuard local = new HostGuard("127.0.0.1", List.of());
        assertFalse(local.allows("192.168.1.20:7070"), "bound to loopback: only loopback names");
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() throws Exception {
        for (String path : List.of("/", "/app.js", "/typed.js", "/api/questions", "/api/attempts/nope", "/api/attempts/nope/report.html",
            "/api/questions/nope/progress", "/nothing")) {
            String r = raw(server.port(), "127.0.0.1:" + server.port(), "GET", path, "");
            assertTrue(r.contains("\r\nContent-Security-Policy: " + StarPaceServer.CSP + "\r\n"), path + ": " + r);
            assertTrue(r.contains("\r\nX-Content-Type-Options: nosniff\r\n"), path);
            assertTrue(r.contains("\r\nReferrer-Policy: no-referrer\r\n"), path);
            assertTrue(r.contains("\r\nX-Frame-Options: DENY\r\n"), path);
        }
        assertTrue(StarPaceServer.CSP.contains("frame-ancestors 'none'") && StarPaceServer.CSP.contains("script-src 'self';")
            && !StarPaceServer.CSP.contains("unsafe"), StarPaceServer.CSP);
    }

    /** A request Jetty refuses before any handler sees it gets its error page with the same headers as every other response. */
    @Test
    void jettysOwnErrorPagesCarryTheSecurityHeaders() throws Exception {
        int port = server.port();
        String host = "127.0.0.1:" + port;
        Map<Integer, String> refused = new java.util.LinkedHashMap<>();
        refused.put(400, raw(port, host, "GET", "/", "Not A Header\r\n"));
        refused.put(414, raw(port, host, "GET", "/" + "a".repeat(20_000), ""));
        refused.put(431, raw(port, host, "GET", "/", "X-Padding: " + "a".repeat(20_000) + "\r\n"));
        refused.forEach((code, r) -> {
            assertEquals(code, status(r), r);
            String head = r.substring(0, r.indexOf("\r\n\r\n"));
            assertTrue(head.contains("\r\nContent-Security-Policy: " + StarPaceServer.CSP + "\r\n"), code + ": " + head);
            assertTrue(head.contains("\r\nX-Content-Type-Options: nosniff\r\n"), code + ": " + head);
            assertTrue(head.contains("\r\nReferrer-Policy: no-referrer\r\n"), code + ": " + head);
            assertTrue(head.contains("\r\nX-Frame-Options: DENY\r\n"), code + ": " + head);
        });
    }

    /** The exported report carries its styles inline: its own policy allows those, and no script or request. */
    @Test
    void theHtmlReportMayUseItsInlineStylesAndNothingElse() throws Exception {
        String id;
        try (Seeds seeds = new Seeds(data)) {
            id = seeds.written(CandidateDefectsTest.ONE_GAP);
        }
        String r = raw(server.port(), "127.0.0.1:" + server.port(), "GET", "/api/attempts/" + id + "/report.html", "");
        assertEquals(200, status(r));
        assertTrue(r.contains("\r\nContent-Security-Policy: " + StarPaceServer.REPORT_CSP + "\r\n"), r.substring(0, r.indexOf("\r\n\r\n")));
        assertTrue(r.contains("\r\nX-Frame-Options: DENY\r\n"));
        assertTrue(StarPaceServer.REPORT_CSP.startsWith("default-src 'none';") && !StarPaceServer.REPORT_CSP.contains("script-src")
            && StarPaceServer.REPORT_CSP.contains("frame-ancestors 'none'"), StarPaceServer.REPORT_CSP);
    }

    static int status(String response) {
        return Integer.parseInt(response.split(" ", 3)[1]);
    }

    static String body(String response) {
        int at = response.indexOf("\r\n\r\n");
        return at < 0 ? "" : response.substring(at + 4);
    }

    /** One HTTP/1.1 request with this Host header; the response's head and (short) body. */
    static String raw(int port, String host, String method, String path, String headers) throws Exception {
        return raw(port, host, method, path, headers, "");
    }

    /** The same with a body (UTF-8, its Content-Length added when it has one). */
    static String raw(int port, String host, String method, String path, String headers, String body) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            byte[] content = body.getBytes(StandardCharsets.UTF_8);
            out.write((method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\n" + headers
                + (content.length > 0 ? "Content-Length: " + content.length + "\r\n" : "") + "Connection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            try {
                for (int n; (n = in.read(buf)) > 0 && got.size() < 200_000; ) {
                    got.write(buf, 0, n);
                    if (got.toString(StandardCharsets.ISO_8859_1).startsWith("HTTP/1.1 101")) {
                        break;
                    }
                }
            } catch (java.net.SocketTimeoutException e) {
                // an upgraded socket stays open: what came is enough
            }
            assertFalse(got.size() == 0, "no response");
            return got.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
