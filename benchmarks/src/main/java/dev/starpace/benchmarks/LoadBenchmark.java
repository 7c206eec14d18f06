package dev.starpace.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.starpace.server.audio.AudioDecoder;
import dev.starpace.server.speech.SpeechModel;
import dev.starpace.server.speech.StreamingRecognizer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The live server under load: for each K, a fresh {@code starpace serve} process (the real jar, its own JVM), and K
 * answers streamed to it at once over real WebSockets at real time (100 ms frames every 100 ms), as browsers would.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.starpace.benchmarks.LoadBenchmark [--wav F] [--jvm-arg A]... [--serve-arg A]... K...</pre>
 *
 * Latency of a {@code words} event is measured at the client, from the send of the frame that closed the phrase to
 * the event's arrival: which frames close phrases is found beforehand by running the same frames through Vosk in
 * this process (Vosk is deterministic). "Behind" is the largest such delay of a stream, the time by which the live
 * view trails the speaker at worst. RSS is the server process's, sampled every half second.
 */
public final class LoadBenchmark {
    static final int FRAME = 3200;
    static final String START = "{\"type\":\"start\",\"question\":\"customer-obsession-above-and-beyond\",\"level\":\"sde2\",\"mode\":\"practice\"}";
    private static final ObjectMapper JSON = new ObjectMapper();

    private LoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path wav = Path.of("server/src/test/resources/fixtures/seed-strong.wav");
        Path jar = Path.of("server/target/starpace.jar");
        List<String> jvmArgs = new ArrayList<>();
        List<String> serveArgs = new ArrayList<>();
        List<String> env = new ArrayList<>();
        List<Integer> ks = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--wav" -> wav = Path.of(args[++i]);
                case "--jar" -> jar = Path.of(args[++i]);
                case "--jvm-arg" -> jvmArgs.add(args[++i]);
                case "--serve-arg" -> serveArgs.add(args[++i]);
                case "--env" -> env.add(args[++i]);
                default -> ks.add(Integer.parseInt(args[i]));
            }
        }
        if (ks.isEmpty()) {
            ks = List.of(1, 8, 16, 20, 24);
        }
        byte[] pcm = new AudioDecoder().decode(wav).toPcm16();
        List<Integer> closing = closingFrames(pcm);
        System.out.printf(Locale.ROOT, "%s: %.1f s of speech, %d phrases; frames of 100 ms sent at real time; %s%n",
            wav.getFileName(), pcm.length / 32000.0, closing.size(), loadAverage());
        System.out.println("(server logs in " + System.getProperty("java.io.tmpdir") + "/starpace-load*/server.log)");
        System.out.println("   K  scored  busy  words p50    p95    max  behind(worst stream)  stop->scored p50  RSS peak  RSS/stream  load avg");
        for (int k : ks) {
            try (Server server = Server.start(jar, jvmArgs, serveArgs, env)) {
                run(server, Arrays.copyOf(pcm, Math.min(pcm.length, 10 * 32000)), List.of(), 1); // warm-up: JIT, the model's first pages
                long rssBase = server.rssKb();
                server.peakKb = rssBase;
                double cpu = server.cpuSeconds();
                Result r = run(server, pcm, closing, k);
                cpu = server.cpuSeconds() - cpu;
                double perAnswer = cpu / ((k - r.busy) * pcm.length / 32000.0);
                System.out.printf(Locale.ROOT, "%4d  %6d  %4d  %6.0f ms %6.0f %6.0f  %10.1f s  %16.0f ms  %6.2f GB  %7.0f MB  %s%n",
                    k, r.scored, r.busy, pct(r.latencies, 50), pct(r.latencies, 95), pct(r.latencies, 100),
                    r.worstBehind, pct(r.finishes, 50), server.peakKb / 1048576.0,
                    k == 0 ? 0 : (server.peakKb - rssBase) / 1024.0 / Math.max(1, k - r.busy), loadAverage());
                double raw = rawVoskCpuPerSecond(pcm);
                System.out.printf(Locale.ROOT, "      server CPU %.3f s per second of answer (%.1f answers per core at real time); raw Vosk on the"
                    + " same audio and model, in this run: %.3f s, so a live answer costs %.2fx raw Vosk; health at the RSS peak: %s%n",
                    perAnswer, 1 / perAnswer, raw, perAnswer / raw, server.healthAtPeak);
            }
        }
    }

    /**
     * Raw Vosk's CPU seconds per second of audio: the same audio in the same 100 ms frames through one recognizer of the
     * same model, on this thread, with no partial guesses and nothing else — what a live answer is measured against.
     * Measured right after each K, so it shares the machine's state with the server's figure.
     */
    static double rawVoskCpuPerSecond(byte[] pcm) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        try (StreamingRecognizer r = SpeechModel.find(null).recognizer()) {
            long start = threads.getCurrentThreadCpuTime();
            for (int at = 0; at < pcm.length; at += FRAME) {
                int n = Math.min(FRAME, pcm.length - at);
                r.accept(Arrays.copyOfRange(pcm, at, at + n), n);
            }
            r.finish();
            return (threads.getCurrentThreadCpuTime() - start) / 1e9 / (pcm.length / 32000.0);
        }
    }

    /** The indexes of the frames whose acceptance makes Vosk finalise a phrase. */
    static List<Integer> closingFrames(byte[] pcm) {
        List<Integer> out = new ArrayList<>();
        try (StreamingRecognizer r = SpeechModel.find(null).recognizer()) {
            for (int at = 0, i = 0; at < pcm.length; at += FRAME, i++) {
                int n = Math.min(FRAME, pcm.length - at);
                if (!r.accept(Arrays.copyOfRange(pcm, at, at + n), n).isEmpty()) {
                    out.add(i);
                }
            }
        }
        return out;
    }

    record Result(int scored, int busy, List<Double> latencies, List<Double> finishes, double worstBehind) {
    }

    private static Result run(Server server, byte[] pcm, List<Integer> closing, int k) throws Exception {
        List<Stream> streams = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            streams.add(new Stream(server.port, pcm));
        }
        streams.forEach(Stream::begin);
        List<Double> latencies = new ArrayList<>();
        List<Double> finishes = new ArrayList<>();
        int scored = 0;
        int busy = 0;
        double worst = 0;
        for (Stream s : streams) {
            while (!s.closed.isDone()) {
                server.sampleRss();
                try {
                    s.closed.get(500, TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    // keep sampling
                }
            }
            s.sender.join();
            if (s.busy) {
                busy++;
                continue;
            }
            double streamWorst = 0;
            for (int i = 0; i < Math.min(closing.size(), s.wordsAt.size()); i++) {
                double ms = (s.wordsAt.get(i) - s.sentAt[closing.get(i)]) / 1e6;
                latencies.add(ms);
                streamWorst = Math.max(streamWorst, ms / 1000);
            }
            worst = Math.max(worst, streamWorst);
            if (s.scoredAt > 0) {
                scored++;
                finishes.add((s.scoredAt - s.stopAt) / 1e6);
            }
        }
        return new Result(scored, busy, latencies, finishes, worst);
    }

    private static double pct(List<Double> v, int p) {
        if (v.isEmpty()) {
            return Double.NaN;
        }
        double[] s = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return s[(int) Math.min(s.length - 1, Math.max(0, Math.ceil(s.length * p / 100.0) - 1))];
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return "load " + f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "load ?";
        }
    }

    /** One answer over a real WebSocket, sent at real time, with the client-side arrival of each event. */
    static final class Stream implements WebSocket.Listener {
        final byte[] pcm;
        final long[] sentAt;
        final List<Long> wordsAt = new CopyOnWriteArrayList<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        final WebSocket socket;
        final StringBuilder text = new StringBuilder();
        volatile boolean busy;
        volatile long stopAt;
        volatile long scoredAt;
        Thread sender;

        Stream(int port, byte[] pcm) {
            this.pcm = pcm;
            this.sentAt = new long[(pcm.length + FRAME - 1) / FRAME];
            socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws/answer"), this).join();
        }

        void begin() {
            socket.sendText(START, true).join();
            sender = new Thread(this::send);
            sender.start();
        }

        private void send() {
            long next = System.nanoTime();
            for (int at = 0, i = 0; at < pcm.length && !closed.isDone(); at += FRAME, i++) {
                sentAt[i] = System.nanoTime();
                socket.sendBinary(ByteBuffer.wrap(pcm, at, Math.min(FRAME, pcm.length - at)), true).join();
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
            if (!closed.isDone()) {
                stopAt = System.nanoTime();
                socket.sendText("{\"type\":\"stop\"}", true).join();
            }
        }

        @Override
        public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
            long now = System.nanoTime();
            text.append(data);
            if (last) {
                try {
                    JsonNode e = JSON.readTree(text.toString());
                    switch (e.path("type").asText()) {
                        case "words" -> wordsAt.add(now);
                        case "scored" -> scoredAt = now;
                        case "error" -> busy |= e.path("code").asText().equals("busy");
                        default -> { }
                    }
                } catch (IOException ex) {
                    throw new IllegalStateException(ex);
                }
                text.setLength(0);
            }
            w.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket w, int code, String reason) {
            closed.complete(code);
            return null;
        }

        @Override
        public void onError(WebSocket w, Throwable error) {
            closed.complete(-1);
        }
    }

    /** A {@code starpace serve} process on a free port and a fresh data folder. */
    static final class Server implements AutoCloseable {
        final Process process;
        final int port;
        final Path data;
        long peakKb;
        String healthAtPeak = "";

        private Server(Process process, int port, Path data) {
            this.process = process;
            this.port = port;
            this.data = data;
        }

        static Server start(Path jar, List<String> jvmArgs, List<String> serveArgs, List<String> env) throws IOException {
            Path data = Files.createTempDirectory("starpace-load");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            command.addAll(jvmArgs);
            command.addAll(List.of("-jar", jar.toString(), "serve", "--port", "0", "--data", data.toString()));
            command.addAll(serveArgs);
            // the server's log (answers falling behind are warned there) goes beside its data, out of the table
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(data.resolve("server.log").toFile());
            for (String e : env) {
                builder.environment().put(e.substring(0, e.indexOf('=')), e.substring(e.indexOf('=') + 1));
            }
            Process p = builder.start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            Pattern running = Pattern.compile("running on http://[^:]+:(\\d+)/");
            for (String line; (line = out.readLine()) != null; ) {
                Matcher m = running.matcher(line);
                if (m.find()) {
                    // drains the server's output until it stops; its pipe closing as the server is stopped is the end, not an error
                    Thread drain = new Thread(() -> {
                        try {
                            out.lines().forEach(ignored -> { });
                        } catch (java.io.UncheckedIOException closed) {
                            // the server was stopped
                        }
                    });
                    drain.setDaemon(true);
                    drain.start();
                    return new Server(p, Integer.parseInt(m.group(1)), data);
                }
            }
            throw new IOException("the server did not start: " + command);
        }

        /** CPU seconds the server process has used, user and system. */
        double cpuSeconds() {
            try {
                String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
            } catch (IOException e) {
                return 0;
            }
        }

        long rssKb() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                    if (line.startsWith("VmRSS:")) {
                        return Long.parseLong(line.replaceAll("[^0-9]", ""));
                    }
                }
            } catch (IOException e) {
                // gone
            }
            return 0;
        }

        String health() {
            try {
                return new String(URI.create("http://127.0.0.1:" + port + "/api/health").toURL().openStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return e.toString();
            }
        }

        void sampleRss() {
            long now = rssKb();
            if (now > peakKb) {
                peakKb = now;
                healthAtPeak = health();
            }
        }

        @Override
        public void close() throws InterruptedException, IOException {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
            // the answers stored are of no further use; the log is kept for an answer that fell behind
            Files.deleteIfExists(data.resolve("starpace.db"));
            Files.deleteIfExists(data.resolve("starpace.db-wal"));
            Files.deleteIfExists(data.resolve("starpace.db-shm"));
        }
    }
}
