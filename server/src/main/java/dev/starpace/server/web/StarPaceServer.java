package dev.starpace.server.web;

import dev.starpace.engine.Analyzer;
import dev.starpace.engine.bank.QuestionBank;
import dev.starpace.server.speech.SpeechModel;
import dev.starpace.server.store.AttemptStore;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import java.nio.file.Path;
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

    /** What the server needs: where to listen, where to keep attempts, the bank and the speech model. */
    public record Settings(String host, int port, Path dataDir, QuestionBank bank, SpeechModel model) {
    }

    private static final String ANSWERED = "starpace.answered";
    private static final Logger LOG = LoggerFactory.getLogger(StarPaceServer.class);

    private final Javalin app;
    private final AttemptStore store;
    private final LatencyRecorder latency = new LatencyRecorder();

    private StarPaceServer(Settings settings) {
        Analyzer analyzer = new Analyzer(settings.bank());
        this.store = AttemptStore.open(settings.dataDir());
        Api api = new Api(analyzer, store);
        AnswerSocket socket = new AnswerSocket(analyzer, settings.model(), store, latency);
        this.app = Javalin.create(config -> {
            config.jetty.host = settings.host();
            config.jetty.port = settings.port();
            config.startup.showJavalinBanner = false;
            config.staticFiles.add("/web", Location.CLASSPATH);
            config.jetty.modifyWebSocketServletFactory(ws -> ws.setMaxBinaryMessageSize(4L * AnswerSocket.MAX_FRAME_BYTES));
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
            config.routes.ws("/ws/answer", socket::configure);
            config.routes.exception(ApiException.class, (e, ctx) -> {
                ctx.attribute(ANSWERED, true);
                ctx.status(e.status()).json(Map.of("error", e.getMessage()));
            });
            config.routes.exception(Exception.class, (e, ctx) -> {
                // the candidate reads one sentence; the details go to the server's log
                LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                ctx.status(500).json(Map.of("error", "Something went wrong in StarPace: the server's log has the details."));
            });
            config.routes.error(404, ctx -> {
                // an API handler's own 404 (an attempt that is gone) keeps its message
                if (ctx.path().startsWith("/api/") && ctx.attribute(ANSWERED) == null) {
                    ctx.json(Map.of("error", "no such endpoint: " + ctx.method() + " " + ctx.path()));
                }
            });
            config.routes.error(405, ctx -> ctx.json(Map.of("error", "method not allowed: " + ctx.method() + " " + ctx.path())));
        });
    }

    public static StarPaceServer start(Settings settings) {
        StarPaceServer server = new StarPaceServer(settings);
        server.app.start();
        return server;
    }

    public int port() {
        return app.port();
    }

    /** Frame-to-event latency of the live socket. */
    public LatencyRecorder latency() {
        return latency;
    }

    @Override
    public void close() {
        app.stop();
        store.close();
    }
}
