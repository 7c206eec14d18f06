package dev.starpace.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.starpace.engine.Analyzer;
import dev.starpace.engine.Level;
import dev.starpace.engine.ScoredTranscript;
import dev.starpace.engine.bank.Card;
import dev.starpace.engine.bank.QuestionBank;
import dev.starpace.server.audio.AudioDecoder;
import dev.starpace.server.speech.RecordingAnalyzer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * {@code starpace batch}: scores every recording in the given files and folders, in parallel on one shared
 * model. Writes one scored JSON per recording, summary.csv and report.html. A bad recording becomes a row
 * marked failed and the rest go on; recordings already analysed are skipped unless {@code --force}.
 */
final class BatchCommand {
    private final PrintStream out;
    private final PrintStream err;

    BatchCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** One recording's outcome: analysed now, skipped (analysed before) or failed with the reason. */
    record Row(Path input, Path json, String status, String error, ScoredTranscript transcript, double audioSeconds) {
        static final String DONE = "analysed";
        static final String SKIPPED = "skipped";
        static final String FAILED = "failed";
    }

    /** What batch was asked to do, as the command line parsed it. */
    record Options(List<String> inputs, String question, Level level, Path outDir, int jobs, boolean force,
                   QuestionBank bank, Main.Model model) {
    }

    /** Runs the batch; the exit code is {@link Main#BAD_INPUT} when any recording failed. */
    int run(Options options) {
        Level level = options.level();
        int jobs = options.jobs();
        QuestionBank bank = options.bank();
        Card card = bank.get(options.question());
        List<Path> inputs = recordings(options.inputs());
        Path outDir = options.outDir();
        try {
            Files.createDirectories(outDir);
        } catch (java.nio.file.AccessDeniedException e) {
            throw new InputException("cannot create the folder " + outDir + ": permission denied");
        } catch (IOException e) {
            throw new InputException("cannot create the folder " + outDir);
        }
        if (!Files.isWritable(outDir)) {
            // found now, not after every recording has been analysed with nowhere to put it
            throw new InputException("cannot write to the folder " + outDir + ": permission denied");
        }
        Map<Path, Path> outputs = outputNames(inputs, outDir);
        boolean force = options.force();
        List<Path> todo = inputs.stream().filter(p -> force || !upToDate(p, outputs.get(p))).toList();
        RecordingAnalyzer analyzer = todo.isEmpty() ? null
            : new RecordingAnalyzer(new Analyzer(bank), options.model().load(), new AudioDecoder());

        long started = System.nanoTime();
        Progress progress = new Progress(err, todo.size());
        Map<Path, Row> rows = new HashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, jobs));
        try {
            List<Future<Row>> futures = new ArrayList<>();
            for (Path input : todo) {
                futures.add(pool.submit(() -> {
                    Row row = analyzeOne(analyzer, input, outputs.get(input), card, level);
                    progress.done(row);
                    return row;
                }));
            }
            for (Future<Row> f : futures) {
                Row row = f.get();
                rows.put(row.input(), row);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InputException("interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        progress.finish();
        double wall = (System.nanoTime() - started) / 1e9;

        List<Row> all = new ArrayList<>();
        for (Path input : inputs) {
            all.add(rows.containsKey(input) ? rows.get(input) : previous(input, outputs.get(input)));
        }
        Path csv = outDir.resolve("summary.csv");
        Path html = outDir.resolve("report.html");
        write(csv, BatchSummary.csv(all));
        write(html, BatchSummary.html(all, card, level));

        long failed = all.stream().filter(r -> r.status().equals(Row.FAILED)).count();
        long skipped = all.stream().filter(r -> r.status().equals(Row.SKIPPED)).count();
        double audio = rows.values().stream().mapToDouble(Row::audioSeconds).sum();
        out.printf(Locale.ROOT, "%d recordings: %d analysed, %d skipped, %d failed%n", all.size(),
            all.size() - failed - skipped, skipped, failed);
        if (audio > 0) {
            out.printf(Locale.ROOT, "%.1f s of audio in %.1f s with %d jobs: %.1fx real time%n", audio, wall, jobs, audio / wall);
        }
        long doubtful = all.stream().map(r -> BatchSummary.quality(r.transcript())).filter(q -> q != null && !q.fine()).count();
        if (doubtful > 0) {
            out.printf(Locale.ROOT, "%d %s noisy, clipped or very quiet: results less certain (input_quality in the summary)%n",
                doubtful, doubtful == 1 ? "recording is" : "recordings are");
        }
        out.println("summary: " + csv);
        out.println("report:  " + html);
        return failed > 0 ? Main.BAD_INPUT : Main.DONE;
    }

    private static Row analyzeOne(RecordingAnalyzer analyzer, Path input, Path json, Card card, Level level) {
        try {
            RecordingAnalyzer.Analysis analysis = analyzer.analyze(input, card, level);
            // written whole or not at all: a half-written JSON would look analysed to the next run
            Path tmp = json.resolveSibling(json.getFileName() + ".part");
            Files.writeString(tmp, Main.json(analysis.transcript()), StandardCharsets.UTF_8);
            Files.move(tmp, json, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Row(input, json, Row.DONE, "", analysis.transcript(), analysis.audioSeconds());
        } catch (RuntimeException | IOException e) {
            return new Row(input, json, Row.FAILED, e.getMessage() == null ? e.toString() : e.getMessage(), null, 0);
        }
    }

    private static Row previous(Path input, Path json) {
        try {
            ScoredTranscript t = new ObjectMapper().readValue(json.toFile(), ScoredTranscript.class);
            return new Row(input, json, Row.SKIPPED, "", t, 0);
        } catch (IOException e) {
            return new Row(input, json, Row.FAILED, json + ": cannot read the earlier result: " + e.getMessage(), null, 0);
        }
    }

    private static boolean upToDate(Path input, Path json) {
        try {
            return Files.isRegularFile(json) && Files.getLastModifiedTime(json).compareTo(Files.getLastModifiedTime(input)) >= 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** Every recording named, folders walked in name order; anything not audio is left out. */
    static List<Path> recordings(List<String> args) {
        List<Path> found = new ArrayList<>();
        for (String arg : args) {
            Path p = Path.of(arg);
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile).filter(AudioDecoder::isAudio).sorted().forEach(found::add);
                } catch (IOException e) {
                    throw new InputException("cannot read the folder " + p);
                }
            } else if (Files.exists(p)) {
                found.add(p);
            } else {
                throw new InputException(p + ": no such file or folder");
            }
        }
        if (found.isEmpty()) {
            throw new InputException("no recordings found in " + String.join(", ", args));
        }
        return found;
    }

    /** OUT/name.json for each input; names that clash get their folder's name in front. */
    static Map<Path, Path> outputNames(List<Path> inputs, Path outDir) {
        Map<String, Integer> seen = new HashMap<>();
        for (Path p : inputs) {
            seen.merge(stem(p), 1, Integer::sum);
        }
        Map<Path, Path> out = new HashMap<>();
        for (Path p : inputs) {
            String name = stem(p);
            if (seen.get(name) > 1) {
                Path parent = p.toAbsolutePath().getParent();
                name = (parent == null || parent.getFileName() == null ? "" : parent.getFileName() + "-") + p.getFileName().toString().replace('.', '-');
            }
            out.put(p, outDir.resolve(name + ".json"));
        }
        return out;
    }

    private static String stem(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A progress bar on a terminal; a line per recording when the output is not a terminal. */
    static final class Progress {
        private final PrintStream err;
        private final int total;
        private final boolean terminal = System.console() != null;
        private final AtomicInteger done = new AtomicInteger();
        private final AtomicInteger failed = new AtomicInteger();

        Progress(PrintStream err, int total) {
            this.err = err;
            this.total = total;
        }

        synchronized void done(Row row) {
            int n = done.incrementAndGet();
            if (row.status().equals(Row.FAILED)) {
                failed.incrementAndGet();
            }
            if (terminal) {
                int width = 30;
                int filled = total == 0 ? width : n * width / total;
                err.printf(Locale.ROOT, "\r[%s%s] %d/%d recordings%s", "#".repeat(filled), ".".repeat(width - filled), n, total,
                    failed.get() > 0 ? ", " + failed.get() + " failed" : "");
            } else {
                err.printf(Locale.ROOT, "[%d/%d] %s: %s%n", n, total, row.input(), row.status().equals(Row.FAILED)
                    ? "failed: " + row.error() : "score " + row.transcript().score().total() + qualityNote(row));
            }
        }

        private static String qualityNote(Row row) {
            var q = BatchSummary.quality(row.transcript());
            return q == null || q.fine() ? "" : "; " + q.summary();
        }

        void finish() {
            if (terminal && total > 0) {
                err.println();
            }
        }
    }
}
