package dev.starpace.server.web;

import dev.starpace.engine.Analyzer;
import dev.starpace.engine.segment.Segmentation;
import dev.starpace.engine.bank.QuestionBank;
import dev.starpace.server.speech.SpeechModel;
import dev.starpace.server.store.AttemptStore;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import java.nio.file.Path;
import java.util.Map;

/**
 * The StarPace server: the web UI, the REST API and the live answer socket, on 127.0.0.1:7070 unless told
 * otherwise. Routes fit on one screen; each handler calls into the engine, the speech session or the store.
 */
public final class StarPaceServer implements AutoCloseable {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 7070;

    /** What the server needs: where to listen, where to keep attempts, the bank, the speech model and the segmenter. */
    public record Settings(String host, int port, Path dataDir, QuestionBank bank, SpeechModel model,
                           Segmentation segmentation) {
        public Settings(String host, int port, Path dataDir, QuestionBank bank, SpeechModel model) {
            this(host, port, dataDir, bank, model, Segmentation.LEARNED);
        }
    }

    private static final String ANSWERED = "starpace.answered";

    private final Javalin app;
    private final AttemptStore store;
    private final LatencyRecorder latency = new LatencyRecorder();

    private StarPaceServer(Settings settings) {
        Analyzer analyzer = new Analyzer(settings.bank(), settings.segmentation());
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
            config.routes.delete("/api/attempts/{id}", api::deleteAttempt);
            config.routes.post("/api/attempts/{id}/rescore", api::rescore);
            config.routes.get("/api/attempts/{id}/audio", api::audio);
            config.routes.ws("/ws/answer", socket::configure);
            config.routes.exception(ApiException.class, (e, ctx) -> {
                ctx.attribute(ANSWERED, true);
                ctx.status(e.status()).json(Map.of("error", e.getMessage()));
            });
            config.routes.exception(Exception.class, (e, ctx) -> ctx.status(500).json(Map.of("error", "internal error: " + e)));
            config.routes.error(404, ctx -> {
                // an API handler's own 404 ("no attempt ...") keeps its message
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
