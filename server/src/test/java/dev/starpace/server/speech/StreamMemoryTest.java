package dev.starpace.server.speech;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starpace.server.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What each answer heard at once costs the server in memory: four recognizers each hear the 81-second spoken answer,
 * frame by frame as the live socket feeds them, and the process's resident memory is read before and after. With
 * Vosk's on-the-fly graph each recognizer kept its own cache of the graph, about 100 MB per answer of this length;
 * with the shared static graph (models/static-graph.sh) it is about 10 MB. The limit is the 60 MB of issue 9.
 */
class StreamMemoryTest {
    private static final int STREAMS = 4;

    @Test
    void eachAnswerHeardAtOnceNeedsAtMostSixtyMegabytes() throws Exception {
        SpeechModel model = Fixtures.model();
        byte[] pcm = Fixtures.pcm("seed-strong");
        // warm up: the model's shared parts and the JVM's own growth are not the answers' cost
        try (StreamingRecognizer warm = model.recognizer()) {
            feed(List.of(warm), pcm, 10 * 32_000);
        }
        long before = settledRssKb();
        List<StreamingRecognizer> open = new ArrayList<>();
        try {
            for (int i = 0; i < STREAMS; i++) {
                open.add(model.recognizer());
            }
            feed(open, pcm, pcm.length);
            double perStream = (settledRssKb() - before) / 1024.0 / STREAMS;
            System.out.printf("resident memory per answer heard at once (81 s each, %d at once): %.1f MB%n", STREAMS, perStream);
            assertTrue(perStream <= 60, "each answer heard at once needs at most 60 MB, not " + perStream);
        } finally {
            open.forEach(StreamingRecognizer::close);
        }
    }

    private static void feed(List<StreamingRecognizer> recognizers, byte[] pcm, int upTo) {
        byte[] frame = new byte[3200];
        for (int at = 0; at < upTo; at += frame.length) {
            int n = Math.min(frame.length, upTo - at);
            System.arraycopy(pcm, at, frame, 0, n);
            recognizers.forEach(r -> r.accept(frame, n));
        }
    }

    private static long settledRssKb() throws IOException, InterruptedException {
        System.gc();
        Thread.sleep(200);
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }
}
