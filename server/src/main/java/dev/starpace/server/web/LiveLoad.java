package dev.starpace.server.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many live answers the server hears at once, and how far each one trails real time. A live answer costs about
 * 0.08 CPU s per second (docs/deployment.md), so past some ten per core every answer would fall behind together:
 * a start beyond the limit is refused instead ({@code busy}), and an answer that falls behind is logged once.
 */
final class LiveLoad {
    /**
     * Answers one core carries at real time with phrases shown promptly, with a margin: on the 2-core machine, with the
     * speech model's static graph, 20 answers at once kept words p95 at 266–337 ms (median 292 ms of three runs) and
     * 16 at 157 ms (LoadBenchmark, docs/deployment.md); before the static graph 12 already reached 2 s.
     */
    static final int STREAMS_PER_CORE = 8;
    /** An answer this many seconds behind real time is logged and shown as behind in /api/health. */
    static final double BEHIND_SECONDS = 5;
    /** What a refused candidate is told to wait: an answer lasts two to three minutes, and starts are spread. */
    static final int RETRY_AFTER_SECONDS = 30;

    private static final Logger LOG = LoggerFactory.getLogger(LiveLoad.class);

    private final int max;
    private final ConcurrentHashMap<Object, Stream> open = new ConcurrentHashMap<>();
    /** Whether the segmenter and its encoder have loaded (the server loads them as it starts, not on the first answer). */
    private volatile boolean analysisReady;

    LiveLoad(int max) {
        this.max = max;
    }

    /** The default limit for this machine. */
    static int defaultMax() {
        return STREAMS_PER_CORE * Runtime.getRuntime().availableProcessors();
    }

    int max() {
        return max;
    }

    /** One admitted answer: when its audio began, and how far it trails. */
    static final class Stream {
        private long firstFrame;
        private volatile double behind;
        private boolean logged;

        /** The answer has been heard up to {@code audioSeconds}; returns how many seconds it trails real time. */
        double heard(double audioSeconds, String label) {
            long now = System.nanoTime();
            if (firstFrame == 0) {
                firstFrame = now;
            }
            // the first frame carries up to its own length of audio: real time is counted from its start
            behind = Math.max(0, (now - firstFrame) / 1e9 - audioSeconds);
            if (behind > BEHIND_SECONDS && !logged) {
                logged = true;
                LOG.warn("live answer {} is {} s behind real time: the server hears more answers than it can follow"
                    + " (lower --max-streams)", label, Math.round(behind * 10) / 10.0);
            }
            return behind;
        }
    }

    /** Admits an answer if there is room; null when the server is full. */
    synchronized Stream admit(Object key) {
        if (open.size() >= max) {
            return null;
        }
        Stream s = new Stream();
        open.put(key, s);
        return s;
    }

    /** The answer ended (or never began): its place is free. Safe to call twice. */
    void release(Object key) {
        open.remove(key);
    }

    /** The segmenter and its encoder have loaded: answers start without waiting for them. */
    void analysisReady() {
        analysisReady = true;
    }

    /** What /api/health shows of the live answers. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record Health(boolean analysisReady, int streamsOpen, int maxStreams, double maxSecondsBehind, int streamsBehind,
                  List<Double> secondsBehind, Memory memory, String storage, String instance) {
    }

    /** Resident memory of the process and the Java heap within it, in megabytes. */
    record Memory(long residentMb, long heapUsedMb, long heapMaxMb) {
    }

    /**
     * The live answers' health, what is wrong with storage (null when nothing is), and which team instance answers
     * (null in personal mode): behind a balancer, the one this request reached.
     */
    Health health(String storage, String instance) {
        List<Double> behind = new ArrayList<>();
        for (Stream s : open.values()) {
            behind.add(Math.round(s.behind * 10) / 10.0);
        }
        behind.sort(null);
        double worst = behind.isEmpty() ? 0 : behind.get(behind.size() - 1);
        int late = (int) behind.stream().filter(b -> b > BEHIND_SECONDS).count();
        Runtime rt = Runtime.getRuntime();
        Memory memory = new Memory(residentKb() / 1024, (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
        return new Health(analysisReady, open.size(), max, worst, late, behind, memory, storage, instance);
    }

    private static long residentKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux: resident memory unknown
        }
        return -1;
    }
}
