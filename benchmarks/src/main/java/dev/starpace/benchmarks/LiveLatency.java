package dev.starpace.benchmarks;

import dev.starpace.engine.bank.QuestionBank;
import dev.starpace.server.audio.AudioDecoder;
import dev.starpace.server.speech.SpeechModel;
import dev.starpace.server.web.StarPaceServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

    /** Streams the answer {@code streams} times at once, at real time, as LoadBenchmark does, and waits for each to close. */
    private static void run(StarPaceServer server, byte[] pcm, int streams) throws Exception {
        List<LoadBenchmark.Stream> open = new ArrayList<>();
        for (int s = 0; s < streams; s++) {
            open.add(new LoadBenchmark.Stream(server.port(), pcm));
        }
        open.forEach(LoadBenchmark.Stream::begin);
        for (LoadBenchmark.Stream s : open) {
            s.closed.get(120, TimeUnit.SECONDS);
            s.sender.join();
        }
    }
}
