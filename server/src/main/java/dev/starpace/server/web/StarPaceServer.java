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
import io.javalin.http.HandlerType;
import dev.starpace.server.store.Person;
import dev.starpace.server.store.Role;
import dev.starpace.server.team.OidcClient;
import dev.starpace.server.team.Sessions;
import java.time.Clock;
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

    /** Shortens {@link #SWEEP}, in seconds: how the tests see another instance's cut-off answer recovered without waiting. */
    public static final String SWEEP_PROPERTY = "starpace.sweepSeconds";
    /**
     * How often a team instance looks for answers that another instance, now gone, left recording (PostgresAttemptStore):
     * several instances share the database, so one killed mid-answer is recovered by another without a restart.
     */
    static final Duration SWEEP = Duration.ofSeconds(Long.getLong(SWEEP_PROPERTY, 30));

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
    private final List<Route> routes;
    /** Team mode: recovers what other instances left recording when they ended; null in personal mode. */
    private final java.util.concurrent.ScheduledExecutorService sweeper;

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
        // the bank also answers for the candidates' own questions, kept in the store
        this.analyzer = new Analyzer(OwnQuestions.bank(settings.bank(), store));
        StoredAnswers stored = new StoredAnswers(analyzer, settings.model(), store);
        try {
            this.recovered = CrashRecovery.run(analyzer, stored, store);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        this.sweeper = team == null ? null : sweep(analyzer, stored, store, team.retention());
        Sessions sessions = team != null && team.signsIn() ? new Sessions(store.team(), team.sessionLength(), Clock.systemUTC()) : null;
        Gate gate = sessions != null ? Gate.signingIn(sessions) : Gate.open(new Person(
            team == null ? Attempt.LOCAL_OWNER : TeamConfig.NO_SIGN_IN_OWNER, "you", null, Role.CANDIDATE));
        Access access = new Access(store);
        Api api = new Api(analyzer, store, stored, access);
        this.load = new LiveLoad(settings.maxStreams());
        this.idle = new IdleSockets(SOCKET_IDLE);
        this.socket = new AnswerSocket(new LiveAnswer.Services(analyzer, settings.model(), store, null, latency, load), idle);
        this.routes = routes(api, new OwnQuestions(store), new Stories(store, access), new Interviews(analyzer, store), team == null ? null : new TeamApi(store, access, settings.bank()), team, sessions);
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
            config.routes.before(ctx -> {
                guard(ctx, hosts);
                gate.check(ctx);
            });
            config.routes.wsBeforeUpgrade(ctx -> {
                guard(ctx, hosts);
                gate.check(ctx);
                if (gate.signsIn()) {
                    socketOrigin(ctx);
                }
            });
            for (Route r : routes) {
                config.routes.addHttpHandler(r.method(), r.path(), ctx -> {
                    r.rule().check(ctx);
                    r.handler().handle(ctx);
                });
            }
            config.routes.ws(SOCKET, socket::configure);
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
     * Every {@link #SWEEP}: recovers what other instances left recording when they ended, and deletes what is older than
     * the retention period (null: nothing).
     */
    private static java.util.concurrent.ScheduledExecutorService sweep(Analyzer analyzer, StoredAnswers stored, AttemptStore store,
                                                                       Duration retention) {
        var sweeper = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "recovery-sweep");
            t.setDaemon(true);
            return t;
        });
        sweeper.scheduleWithFixedDelay(() -> {
            try {
                CrashRecovery.Outcome o = CrashRecovery.run(analyzer, stored, store);
                if (o.total() > 0) {
                    LOG.info("recovered {} attempt(s) another instance left recording when it ended", o.total());
                }
                if (retention != null) {
                    int deleted = store.deleteStartedBefore(java.time.Instant.now().minus(retention));
                    if (deleted > 0) {
                        LOG.info("deleted {} attempt(s) older than the retention period ({} days)", deleted, retention.toDays());
                    }
                }
            } catch (RuntimeException e) {
                // the database is away: the next sweep tries again
                LOG.warn("recovery sweep: {}", e.getMessage());
            }
        }, retention == null ? SWEEP.toMillis() : 0, SWEEP.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        return sweeper;
    }

    /** The live answer socket: anyone signed in, answering for themself (Rule.SIGNED_IN). */
    static final String SOCKET = "/ws/answer";

    /** Every route and who may call it: the one list the server registers and the authorization test reads. */
    private List<Route> routes(Api api, OwnQuestions own, Stories stories, Interviews interviews, TeamApi teamApi, TeamConfig team, Sessions sessions) {
        List<Route> r = new java.util.ArrayList<>(List.of(
            new Route(HandlerType.GET, "/api/health", Rule.OPEN, ctx -> ctx.json(load.health(store.problem(), store.instance()))),
            new Route(HandlerType.GET, "/api/facts", Rule.SIGNED_IN, api::facts),
            new Route(HandlerType.GET, "/api/questions", Rule.SIGNED_IN, api::questions),
            new Route(HandlerType.GET, "/api/questions/{id}", Rule.SIGNED_IN, api::question),
            new Route(HandlerType.GET, "/api/attempts", Rule.SIGNED_IN, api::attempts),
            new Route(HandlerType.GET, "/api/attempts/{id}", Rule.OWNER_OR_COACH_READS, api::attempt),
            new Route(HandlerType.POST, "/api/attempts/written", Rule.SIGNED_IN, api::written),
            new Route(HandlerType.DELETE, "/api/attempts/{id}", Rule.OWNER, api::deleteAttempt),
            new Route(HandlerType.POST, "/api/attempts/{id}/rescore", Rule.OWNER, api::rescore),
            new Route(HandlerType.GET, "/api/attempts/{id}/audio", Rule.OWNER_OR_COACH_READS, api::audio),
            new Route(HandlerType.GET, "/api/attempts/{id}/probes", Rule.OWNER_OR_COACH_READS, api::probes),
            new Route(HandlerType.GET, "/api/attempts/{id}/follow-ups/{probe}/audio", Rule.OWNER_OR_COACH_READS, api::followUpAudio),
            new Route(HandlerType.GET, "/api/attempts/{id}/transcript.json", Rule.OWNER_OR_COACH_READS, api::transcript),
            new Route(HandlerType.GET, "/api/attempts/{id}/report.html", Rule.OWNER_OR_COACH_READS, api::report),
            new Route(HandlerType.GET, "/api/questions/{id}/progress", Rule.SIGNED_IN, api::progress),
            new Route(HandlerType.GET, "/api/questions/{id}/targets", Rule.SIGNED_IN, api::targets),
            // own questions and stories: each handler reads and changes only the requester's own (Api.owner)
            new Route(HandlerType.GET, "/api/own-questions", Rule.SIGNED_IN, own::list),
            new Route(HandlerType.POST, "/api/own-questions", Rule.SIGNED_IN, own::add),
            new Route(HandlerType.DELETE, "/api/own-questions/{id}", Rule.SIGNED_IN, own::delete),
            new Route(HandlerType.GET, "/api/stories", Rule.SIGNED_IN, stories::list),
            new Route(HandlerType.POST, "/api/stories", Rule.SIGNED_IN, stories::add),
            new Route(HandlerType.DELETE, "/api/stories/{id}", Rule.SIGNED_IN, stories::delete),
            new Route(HandlerType.GET, "/api/attempts/{id}/story", Rule.OWNER, stories::told),
            new Route(HandlerType.PUT, "/api/attempts/{id}/story", Rule.OWNER, stories::tell),
            // mock interviews of several questions: each handler reads and changes only the requester's own
            new Route(HandlerType.GET, "/api/interviews", Rule.SIGNED_IN, interviews::list),
            new Route(HandlerType.POST, "/api/interviews", Rule.SIGNED_IN, interviews::start),
            new Route(HandlerType.GET, "/api/interviews/{id}", Rule.SIGNED_IN, interviews::report),
            new Route(HandlerType.PUT, "/api/interviews/{id}/answers/{position}", Rule.SIGNED_IN, interviews::answer),
            new Route(HandlerType.GET, "/api/me", Rule.SIGNED_IN, SignInRoutes::me)));
        if (teamApi != null) {
            r.addAll(List.of(
                new Route(HandlerType.GET, "/api/cohorts", Rule.SIGNED_IN, teamApi::cohorts),
                new Route(HandlerType.POST, "/api/cohorts", Rule.COACH, teamApi::createCohort),
                new Route(HandlerType.GET, "/api/cohorts/{id}", Rule.COACH, teamApi::cohort),
                new Route(HandlerType.POST, "/api/cohorts/{id}/members", Rule.COACH, teamApi::addMember),
                new Route(HandlerType.DELETE, "/api/cohorts/{id}/members/{email}", Rule.COACH, teamApi::removeMember),
                new Route(HandlerType.PUT, "/api/attempts/{id}/share", Rule.OWNER, teamApi::share),
                new Route(HandlerType.GET, "/api/attempts/{id}/review", Rule.OWNER_OR_COACH_READS, teamApi::review),
                new Route(HandlerType.GET, "/api/review-queue", Rule.COACH, teamApi::queue),
                new Route(HandlerType.POST, "/api/attempts/{id}/comments", Rule.COACH_OF_SHARED, teamApi::comment),
                new Route(HandlerType.DELETE, "/api/attempts/{id}/comments/{comment}", Rule.COACH_OF_SHARED, teamApi::deleteComment),
                new Route(HandlerType.PUT, "/api/attempts/{id}/coach-score", Rule.COACH_OF_SHARED, teamApi::score),
                new Route(HandlerType.PUT, "/api/attempts/{id}/reviewed", Rule.COACH_OF_SHARED, teamApi::reviewed),
                new Route(HandlerType.POST, "/api/cohorts/{id}/assignments", Rule.COACH, teamApi::createAssignment),
                new Route(HandlerType.GET, "/api/cohorts/{id}/assignments", Rule.COACH, teamApi::assignments),
                new Route(HandlerType.GET, "/api/assignments", Rule.SIGNED_IN, teamApi::myAssignments),
                new Route(HandlerType.GET, "/api/cohorts/{id}/view", Rule.COACH, teamApi::view),
                new Route(HandlerType.GET, "/api/cohorts/{id}/view.csv", Rule.COACH, teamApi::csv)));
        }
        if (sessions != null) {
            SignInRoutes signIn = new SignInRoutes(new OidcClient(team.signIn(), team.roles().groupsClaim(), team.callback()),
                team.roles(), sessions, team.secureCookies());
            r.add(new Route(HandlerType.GET, "/sign-in", Rule.OPEN, signIn::signIn));
            r.add(new Route(HandlerType.GET, "/sign-in/callback", Rule.OPEN, signIn::callback));
            r.add(new Route(HandlerType.POST, "/sign-out", Rule.SIGNED_IN, signIn::signOut));
        }
        return List.copyOf(r);
    }

    /** Every route of this server and who may call it. */
    List<Route> routes() {
        return routes;
    }

    /**
     * A signed-in socket is opened only by this server's own pages: a page on another site could otherwise open it with
     * the person's cookie (cross-site WebSocket hijacking). Browsers always send Origin on a socket.
     */
    private static void socketOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        String host = ctx.header("Host");
        if (origin != null && !origin.equalsIgnoreCase("http://" + host) && !origin.equalsIgnoreCase("https://" + host)) {
            ctx.attribute(ANSWERED, true);
            throw new ApiException(403, "StarPace's live socket only serves its own pages, not " + Echo.of(origin) + ".");
        }
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
            if (server.sweeper != null) {
                server.sweeper.shutdownNow();
            }
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
            if (sweeper != null) {
                sweeper.shutdownNow();
            }
            socket.shutdown(java.time.Duration.ofSeconds(20));
            app.stop();
            idle.close();
            store.close();
        }
    }
}
