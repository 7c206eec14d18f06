package dev.starpace.server.web;

import dev.starpace.engine.Analyzer;
import dev.starpace.engine.bank.QuestionBank;
import dev.starpace.server.speech.SpeechModel;
import dev.starpace.server.store.Attempt;
import dev.starpace.server.store.AttemptStore;
import dev.starpace.server.store.PostgresAttemptStore;
import dev.starpace.server.team.TeamConfig;
import io.javalin.Javalin;
import dev.starpace.server.store.StorageException;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The StarPace server: the web UI, the REST API and the live answer socket, on 127.0.0.1:7070 unless told
 * otherwise. Routes fit on one screen; each handler calls into the engine, the speech session or the store.
 */
public final class StarPaceServer implements AutoCloseable {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 7070;

    /**
     * What the server needs: where to listen, where to keep attempts, the bank, the speech model, the extra host
     * names it answers to, how many live answers it hears at once, and, in team mode, the team's configuration
     * (null: personal mode, attempts in dataDir).
     */
    public record Settings(String host, int port, Path dataDir, QuestionBank bank, SpeechModel model,
                           List<String> allowedHosts, int maxStreams, TeamConfig team) {
        public Settings(String host, int port, Path dataDir, QuestionBank bank, SpeechModel model,
                        List<String> allowedHosts, int maxStreams) {
            this(host, port, dataDir, bank, model, allowedHosts, maxStreams, null);
        }

        public Settings(String host, int port, Path dataDir, QuestionBank bank, SpeechModel model) {
            this(host, port, dataDir, bank, model, List.of());
        }

        public Settings(String host, int port, Path dataDir, QuestionBank bank, SpeechModel model,
                        List<String> allowedHosts) {
            this(host, port, dataDir, bank, model, allowedHosts, defaultMaxStreams());
        }

        /** The same, hearing at most this many live answers at once. */
        public Settings withMaxStreams(int max) {
            return new Settings(host, port, dataDir, bank, model, allowedHosts, max, team);
        }
    }

    /** Live answers heard at once unless told otherwise: what this machine's cores carry at real time. */
    public static int defaultMaxStreams() {
        return LiveLoad.defaultMax();
    }

    /**
     * The page may run only its own scripts and styles, talk only to this server and not be framed: no inline
     * script, so an injected one does not run. Media and images may be blobs (replay of the recorded answer).
     */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:;"
        + " media-src 'self' blob:; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none';"
        + " form-action 'self'; frame-ancestors 'none'";
    /**
     * The exported HTML report (HtmlReport) carries its styles inline so that it stands alone as a file; opened
     * from the server it may use them, and nothing else: no script, no request, no form.
     */
    static final String REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none';"
        + " frame-ancestors 'none'";
    /** Shortens {@link #SOCKET_IDLE}, in seconds: how the tests make a server slower than it without waiting minutes. */
    public static final String SOCKET_IDLE_PROPERTY = "starpace.socketIdleSeconds";
    /** How long a live socket may carry nothing before it is closed (docs/live-protocol.md). */
    public static final Duration SOCKET_IDLE = Duration.ofSeconds(Long.getLong(SOCKET_IDLE_PROPERTY, 5 * 60));

    private static final String ANSWERED = "starpace.answered";

    private static final Logger LOG = LoggerFactory.getLogger(StarPaceServer.class);

    private final Javalin app;
    private final AttemptStore store;
    private final LatencyRecorder latency = new LatencyRecorder();
    private final CrashRecovery.Outcome recovered;
    private final LiveLoad load;
    private final IdleSockets idle;
    private final AnswerSocket socket;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
    private final Analyzer analyzer;

    private StarPaceServer(Settings settings) {
        if (settings.port() < 0 || settings.port() > 65535) {
            throw new ServerException("port " + settings.port() + " is out of range (0 to 65535)");
        }
        if (settings.maxStreams() < 1) {
            throw new ServerException("the server must hear at least 1 live answer at once, not " + settings.maxStreams());
        }
        TeamConfig team = settings.team();
        if (team != null) {
            team.requireSignIn();
        }
        this.store = team == null ? AttemptStore.open(settings.dataDir()) : PostgresAttemptStore.open(team.database());
        this.analyzer = new Analyzer(OwnQuestions.bank(settings.bank(), store));
        String owner = team == null ? Attempt.LOCAL_OWNER : team.owner();
        StoredAnswers stored = new StoredAnswers(analyzer, settings.model(), store);
        try {
            this.recovered = CrashRecovery.run(analyzer, stored, store);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        Api api = new Api(analyzer, store, stored, owner);
        OwnQuestions own = new OwnQuestions(store, owner);
        Stories stories = new Stories(store, owner);
        this.load = new LiveLoad(settings.maxStreams());
        this.idle = new IdleSockets(SOCKET_IDLE);
        this.socket = new AnswerSocket(new LiveAnswer.Services(analyzer, settings.model(), store, owner, latency, load), idle);
        HostGuard hosts = new HostGuard(settings.host(), team == null ? settings.allowedHosts()
            : java.util.stream.Stream.concat(settings.allowedHosts().stream(), team.allowedHosts().stream()).distinct().toList());
        this.app = Javalin.create(config -> {
            config.jetty.host = settings.host();
            config.jetty.port = settings.port();
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = JsonBody.MAX_BYTES;
            config.jetty.modifyServer(server -> server.setErrorHandler(new SecurityHeaders.OnErrorPages()));
            config.staticFiles.add("/web", Location.CLASSPATH);
            config.jetty.modifyWebSocketServletFactory(ws -> {
                ws.setMaxBinaryMessageSize(4L * LiveProtocol.MAX_FRAME_BYTES);
                // off: IdleSockets times out a silent client, and never while the server works on its message
                ws.setIdleTimeout(Duration.ZERO);
            });
            config.routes.before(ctx -> guard(ctx, hosts));
            config.routes.wsBeforeUpgrade(ctx -> guard(ctx, hosts));
            config.routes.get("/api/health", ctx -> ctx.json(load.health(store.problem())));
            config.routes.get("/api/facts", api::facts);
            config.routes.get("/api/questions", api::questions);
            config.routes.get("/api/questions/{id}", api::question);
            config.routes.get("/api/attempts", api::attempts);
            config.routes.get("/api/attempts/{id}", api::attempt);
            config.routes.post("/api/attempts/written", api::written);
            config.routes.delete("/api/attempts/{id}", api::deleteAttempt);
            config.routes.post("/api/attempts/{id}/rescore", api::rescore);
            config.routes.get("/api/attempts/{id}/audio", api::audio);
            config.routes.get("/api/attempts/{id}/probes", api::probes);
            config.routes.get("/api/attempts/{id}/transcript.json", api::transcript);
            config.routes.get("/api/attempts/{id}/report.html", api::report);
            config.routes.get("/api/questions/{id}/progress", api::progress);
            config.routes.get("/api/questions/{id}/targets", api::targets);
            config.routes.get("/api/own-questions", own::list);
            config.routes.post("/api/own-questions", own::add);
            config.routes.delete("/api/own-questions/{id}", own::delete);
            config.routes.get("/api/stories", stories::list);
            config.routes.post("/api/stories", stories::add);
            config.routes.delete("/api/stories/{id}", stories::delete);
            config.routes.get("/api/attempts/{id}/story", stories::told);
            config.routes.put("/api/attempts/{id}/story", stories::tell);
            config.routes.ws("/ws/answer", socket::configure);
            config.routes.exception(ApiException.class, (e, ctx) -> {
                ctx.attribute(ANSWERED, true);
                ctx.status(e.status()).json(Map.of("error", e.getMessage()));
            });
            config.routes.exception(StorageException.class, (e, ctx) -> {
                LOG.warn("{} {}: {}", ctx.method(), ctx.path(), e.getMessage(), e);
                ctx.status(503).json(Map.of("error", e.getMessage()));
            });
            config.routes.exception(Exception.class, (e, ctx) -> {
                // the candidate reads one sentence with no class names in it; the details go to the server's log
                LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                ctx.status(500).json(Map.of("error", "Something went wrong in StarPace: the server's log has the details."));
            });
            config.routes.error(404, ctx -> {
                // an API handler's own 404 (an attempt that is gone) keeps its message
                if (ctx.path().startsWith("/api/") && ctx.attribute(ANSWERED) == null) {
                    ctx.json(Map.of("error", "no such endpoint: " + ctx.method() + " " + Echo.of(ctx.path())));
                }
            });
            config.routes.error(405, ctx -> ctx.json(Map.of("error", "method not allowed: " + ctx.method() + " " + Echo.of(ctx.path()))));
        });
    }

    /**
     * Every response carries the security headers; a request for a host not ours gets nothing else, nor does a
     * write from another site's page.
     */
    private static void guard(Context ctx, HostGuard hosts) {
        SecurityHeaders.on(ctx);
        String host = ctx.header("Host");
        if (!hosts.allows(host)) {
            ctx.attribute(ANSWERED, true);
            throw new ApiException(403, "this server does not answer to the host name '" + Echo.of(host)
                + "' (start it with --allowed-host NAME to allow one)");
        }
        WriteGuard.check(ctx);
    }

    public static StarPaceServer start(Settings settings) {
        StarPaceServer server = new StarPaceServer(settings);
        try {
            server.app.start();
        } catch (RuntimeException e) {
            server.store.close();
            server.idle.close();
            throw ServerException.cannotStart(settings.host(), settings.port(), e);
        }
        server.prepareAnalysis();
        return server;
    }

    /** Loads the segmenter and its encoder beside the first requests, so the first answer does not wait for them. */
    private void prepareAnalysis() {
        Thread t = new Thread(() -> {
            try {
                analyzer.prepare();
                load.analysisReady();
            } catch (RuntimeException e) {
                // the first answer will meet the same failure and say it to its candidate
                LOG.warn("could not load the segmenter ahead of the first answer: {}", e.getMessage(), e);
            }
        }, "analysis-warm-up");
        t.setDaemon(true);
        t.start();
    }

    /** What startup recovery did with attempts a crash had cut off. */
    public String recoveredSummary() {
        return recovered.total() == 0 ? null : "recovered " + recovered.total() + " attempt(s) cut off by a crash: "
            + recovered.scored() + " scored from what was stored, " + recovered.unscored() + " with no words, "
            + (recovered.cardGone() == 0 ? "" : recovered.cardGone() + " kept unscored as their question's card is gone, ")
            + recovered.deleted() + " empty ones deleted";
    }

    public int port() {
        return app.port();
    }

    /** Frame-to-event latency of the live socket. */
    public LatencyRecorder latency() {
        return latency;
    }

    /**
     * Stops gracefully: every live answer is ended and kept as far as it was heard, its browser told (1001), then the
     * server stops listening and the database is closed. Safe to call twice (a signal, then the shutdown hook).
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            socket.shutdown(java.time.Duration.ofSeconds(20));
            app.stop();
            idle.close();
            store.close();
        }
    }
}
