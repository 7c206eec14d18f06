package dev.starpace.benchmarks;

import dev.starpace.engine.Analyzer;
import dev.starpace.engine.Level;
import dev.starpace.engine.bank.Card;
import dev.starpace.engine.bank.QuestionBank;
import dev.starpace.server.audio.Audio;
import dev.starpace.server.audio.AudioDecoder;
import dev.starpace.server.speech.AnswerSession;
import dev.starpace.server.speech.SessionListener;
import dev.starpace.server.speech.SpeechModel;
import dev.starpace.server.speech.StreamingRecognizer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The speech pipeline against raw Vosk decoding of the same audio, in one run, and the memory a process
 * needs for the model and for each extra concurrent stream. Not JMH: a recognizer pass takes seconds.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.starpace.benchmarks.SpeechThroughput ROUNDS FILE...
 * java -cp benchmarks/target/benchmarks.jar dev.starpace.benchmarks.SpeechThroughput memory FILE
 * java -cp benchmarks/target/benchmarks.jar dev.starpace.benchmarks.SpeechThroughput growth STREAMS FILE...</pre>
 * Memory is measured in a fresh process of its own, so earlier rounds' garbage does not blur it.
 */
public final class SpeechThroughput {
    private static final int CHUNK = 8_000;

    private SpeechThroughput() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("memory")) {
            memory(Path.of(args[1]));
            return;
        }
        if (args[0].equals("growth")) {
            growth(Integer.parseInt(args[1]), Arrays.stream(args).skip(2).map(Path::of).toList());
            return;
        }
        int rounds = Integer.parseInt(args[0]);
        List<Path> files = Arrays.stream(args).skip(1).map(Path::of).toList();
        long rssStart = rssKb();
        SpeechModel model = SpeechModel.find(null);
        long rssModel = rssKb();
        AudioDecoder decoder = new AudioDecoder();
        List<Audio> audio = new ArrayList<>();
        double seconds = 0;
        for (Path f : files) {
            Audio a = decoder.decode(f);
            audio.add(a);
            seconds += a.seconds();
        }
        Analyzer analyzer = new Analyzer(QuestionBank.builtIn());
        Card card = analyzer.bank().get("customer-obsession-above-and-beyond");

        double[] raw = new double[rounds];
        double[] pipeline = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            // alternate the order so neither side always runs on a warmer machine
            if (r % 2 == 0) {
                raw[r] = time(() -> audio.forEach(a -> rawVosk(model, a)));
                pipeline[r] = time(() -> audio.forEach(a -> pipeline(analyzer, model, card, a)));
            } else {
                pipeline[r] = time(() -> audio.forEach(a -> pipeline(analyzer, model, card, a)));
                raw[r] = time(() -> audio.forEach(a -> rawVosk(model, a)));
            }
            System.out.printf(Locale.ROOT, "round %d: raw Vosk %.2f s, pipeline %.2f s%n", r + 1, raw[r], pipeline[r]);
        }
        double rawMedian = median(raw);
        double pipeMedian = median(pipeline);
        System.out.printf(Locale.ROOT, "%.1f s of audio in %d files, %d rounds, one thread%n", seconds, files.size(), rounds);
        System.out.printf(Locale.ROOT, "median raw Vosk %.2f s (%.1fx real time), pipeline %.2f s (%.1fx real time): pipeline/raw = %.3f%n",
            rawMedian, seconds / rawMedian, pipeMedian, seconds / pipeMedian, pipeMedian / rawMedian);
    }

    /** RSS of this process: bare JVM, with the model loaded, and with 1 to 8 concurrent streams open. */
    private static void memory(Path file) throws Exception {
        long bare = settledRssKb();
        SpeechModel model = SpeechModel.find(null);
        long loaded = settledRssKb();
        System.out.printf(Locale.ROOT, "RSS: bare JVM %d MB, with the model loaded %d MB (+%d MB)%n",
            bare / 1024, loaded / 1024, (loaded - bare) / 1024);
        dev.starpace.engine.segment.SentenceEncoder.shared().encode("the sentence encoder, loaded and run once");
        dev.starpace.engine.segment.StarModel.builtIn();
        long encoder = settledRssKb();
        System.out.printf(Locale.ROOT, "RSS with the sentence encoder and the STAR model loaded %d MB (+%d MB)%n",
            encoder / 1024, (encoder - loaded) / 1024);
        loaded = encoder;
        Analyzer analyzer = new Analyzer(QuestionBank.builtIn());
        Card card = analyzer.bank().get("customer-obsession-above-and-beyond");
        byte[] pcm = Arrays.copyOf(new AudioDecoder().decode(file).toPcm16(), Audio.SPEECH_RATE * 2 * 10);
        List<AnswerSession> open = new ArrayList<>();
        long previous = loaded;
        for (int n = 1; n <= 8; n++) {
            AnswerSession s = new AnswerSession(analyzer, model, card, Level.SDE2, new SessionListener() { });
            for (int at = 0; at < pcm.length; at += CHUNK) {
                s.accept(Arrays.copyOfRange(pcm, at, Math.min(pcm.length, at + CHUNK)), Math.min(CHUNK, pcm.length - at));
            }
            open.add(s);
            long now = settledRssKb();
            System.out.printf(Locale.ROOT, "RSS with %d open streams (10 s of audio each): %d MB (+%.1f MB for this stream, %.1f MB a stream on average)%n",
                n, now / 1024, (now - previous) / 1024.0, (now - loaded) / 1024.0 / n);
            previous = now;
        }
        open.forEach(AnswerSession::close);
    }

    /**
     * How an answer's memory grows with its length: N recognizers at once each hear the files one after another, as one
     * answer, in 100 ms frames; RSS per stream above the loaded model every 20 s of audio.
     */
    private static void growth(int streams, List<Path> files) throws Exception {
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        AudioDecoder decoder = new AudioDecoder();
        for (Path f : files) {
            joined.write(decoder.decode(f).toPcm16());
        }
        byte[] pcm = joined.toByteArray();
        SpeechModel model = SpeechModel.find(null);
        long loaded = settledRssKb();
        List<StreamingRecognizer> open = new ArrayList<>();
        for (int i = 0; i < streams; i++) {
            open.add(model.recognizer());
        }
        int frame = Audio.SPEECH_RATE / 10 * 2;
        int every = Audio.SPEECH_RATE * 2 * 20;
        for (int at = 0; at < pcm.length; at += frame) {
            int n = Math.min(frame, pcm.length - at);
            byte[] chunk = Arrays.copyOfRange(pcm, at, at + n);
            open.forEach(r -> r.accept(chunk, n));
            if ((at + n) % every == 0 || at + n == pcm.length) {
                System.out.printf(Locale.ROOT, "%.0f s of audio, %d streams: %.1f MB a stream%n",
                    (at + n) / 2.0 / Audio.SPEECH_RATE, streams, (settledRssKb() - loaded) / 1024.0 / streams);
            }
        }
        open.forEach(StreamingRecognizer::close);
    }

    private static long settledRssKb() throws Exception {
        System.gc();
        Thread.sleep(200);
        return rssKb();
    }


    private static void rawVosk(SpeechModel model, Audio audio) {
        byte[] pcm = audio.toPcm16();
        try (StreamingRecognizer r = model.recognizer()) {
            for (int at = 0; at < pcm.length; at += CHUNK) {
                int n = Math.min(CHUNK, pcm.length - at);
                r.accept(Arrays.copyOfRange(pcm, at, at + n), n);
            }
            r.finish();
        }
    }

    /** The batch pipeline: nobody watches, so no live-view work (as {@code batch} runs it). */
    private static final SessionListener BATCH = new SessionListener() {
        @Override
        public boolean watching() {
            return false;
        }
    };

    private static void pipeline(Analyzer analyzer, SpeechModel model, Card card, Audio audio) {
        byte[] pcm = audio.toPcm16();
        try (AnswerSession s = new AnswerSession(analyzer, model, card, Level.SDE2, BATCH)) {
            for (int at = 0; at < pcm.length; at += CHUNK) {
                int n = Math.min(CHUNK, pcm.length - at);
                s.accept(Arrays.copyOfRange(pcm, at, at + n), n);
            }
            s.finish();
        }
    }

    private static double time(Runnable r) {
        long t = System.nanoTime();
        r.run();
        return (System.nanoTime() - t) / 1e9;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static long rssKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
