package dev.starpace.benchmarks;

import dev.starpace.engine.bank.QuestionBank;
import dev.starpace.server.audio.AudioDecoder;
import dev.starpace.server.speech.SpeechModel;
import dev.starpace.server.web.StarPaceServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * Server-side latency from an audio frame's arrival to the event it causes, with 1 and with N concurrent
 * streams sent at real-time pace (100 ms frames every 100 ms) over real WebSockets to an in-process server.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.starpace.benchmarks.LiveLatency FILE.wav [STREAMS...]</pre>
 */
public final class LiveLatency {
    private static final int FRAME = 3200;

    private LiveLatency() {
    }

    public static void main(String[] args) throws Exception {
        byte[] pcm = new AudioDecoder().decode(Path.of(args[0])).toPcm16();
        List<Integer> counts = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            counts.add(Integer.parseInt(args[i]));
        }
        if (counts.isEmpty()) {
            counts = List.of(1, 8);
        }
        Path data = Files.createTempDirectory("starpace-latency");
        try (StarPaceServer server = StarPaceServer.start(new StarPaceServer.Settings("127.0.0.1", 0, data,
            QuestionBank.builtIn(), SpeechModel.find(null)))) {
            run(server, pcm, 1); // warm-up: JIT and the model's first use
            for (int streams : counts) {
                server.latency().reset();
                long t = System.nanoTime();
                run(server, pcm, streams);
                double[] m = server.latency().medianAndP95Millis();
                System.out.printf(Locale.ROOT, "%d concurrent streams of %.1f s: frame-to-event latency median %.1f ms, p95 %.1f ms"
                    + " over %.0f events (%.1f s wall)%n", streams, pcm.length / 32000.0, m[0], m[1], m[2], (System.nanoTime() - t) / 1e9);
            }
        }
    }

    private static void run(StarPaceServer server, byte[] pcm, int streams) throws Exception {
        List<Thread> senders = new ArrayList<>();
        List<CompletableFuture<Void>> closed = new ArrayList<>();
        for (int s = 0; s < streams; s++) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            closed.add(done);
            WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(
                URI.create("ws://127.0.0.1:" + server.port() + "/ws/answer"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket w, CharSequence d, boolean last) {
                        w.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket w, int code, String reason) {
                        done.complete(null);
                        return null;
                    }
                }).join();
            ws.sendText("{\"type\":\"start\",\"question\":\"customer-obsession-above-and-beyond\",\"level\":\"sde2\",\"mode\":\"practice\"}", true).join();
            Thread sender = new Thread(() -> {
                long next = System.nanoTime();
                for (int at = 0; at < pcm.length; at += FRAME) {
                    ws.sendBinary(ByteBuffer.wrap(pcm, at, Math.min(FRAME, pcm.length - at)), true).join();
                    next += 100_000_000L;
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        try {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }
                ws.sendText("{\"type\":\"stop\"}", true).join();
            });
            sender.start();
            senders.add(sender);
        }
        for (Thread t : senders) {
            t.join();
        }
        for (CompletableFuture<Void> c : closed) {
            c.get(120, TimeUnit.SECONDS);
        }
    }
}
