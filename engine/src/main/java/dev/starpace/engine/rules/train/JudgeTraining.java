package dev.starpace.engine.rules.train;

import dev.starpace.engine.rules.Logit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Fits a rule's logistic judge and measures it held out, writer by writer, against the rule it replaces, on the labelled phases and on
 * the learned segmenter's. Each answer is read twice, once per phasing; where the rule decides without its judge (no
 * Action said with "I", no Task) a reading carries no measures and a fixed verdict.
 */
final class JudgeTraining {
    private JudgeTraining() {
    }

    /** One phasing of an answer: the judge's measures (null when the rule decides alone), that verdict, the old rule's. */
    record Reading(double[] measures, boolean fixed, boolean old) {
        boolean verdict(double[] weights) {
            if (measures == null) {
                return fixed;
            }
            return Logit.probability(weights, measures) >= 0.5;
        }
    }

    /** A labelled answer: its id, fold, readings on the labelled and on the learned phases, and its label. */
    record Example(String id, int fold, Reading labelled, Reading learned, boolean label) {
    }

    /** Held-out agreement with the labels: the judge's and the old rule's, on labelled and on learned phases. */
    record Agreement(int learned, int old, int learnedSegmented, int oldSegmented, int total, List<String> wrong) {
        @Override
        public String toString() {
            return String.format("labelled phases: judge %d/%d (%.1f %%), old rule %d/%d (%.1f %%); learned segmenter's phases:"
                    + " judge %d (%.1f %%), old rule %d (%.1f %%)", learned, total, 100.0 * learned / total, old, total,
                100.0 * old / total, learnedSegmented, 100.0 * learnedSegmented / total, oldSegmented,
                100.0 * oldSegmented / total);
        }
    }

    /** Fits on the labelled-phase readings the judge decides. */
    static double[] fit(List<Example> examples, double lambda) {
        List<Example> judged = examples.stream().filter(e -> e.labelled().measures() != null).toList();
        double[][] x = judged.stream().map(e -> e.labelled().measures()).toArray(double[][]::new);
        boolean[] y = new boolean[judged.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = judged.get(i).label();
        }
        return Logistic.fit(x, y, lambda);
    }

    static Agreement crossValidate(List<Example> examples, double lambda) {
        int learned = 0;
        int old = 0;
        int learnedSegmented = 0;
        int oldSegmented = 0;
        List<String> wrong = new ArrayList<>();
        for (int fold : examples.stream().mapToInt(Example::fold).distinct().sorted().toArray()) {
            double[] weights = fit(examples.stream().filter(e -> e.fold() != fold).toList(), lambda);
            for (Example e : examples.stream().filter(e -> e.fold() == fold).toList()) {
                boolean right = e.labelled().verdict(weights) == e.label();
                learned += right ? 1 : 0;
                old += e.labelled().old() == e.label() ? 1 : 0;
                learnedSegmented += e.learned().verdict(weights) == e.label() ? 1 : 0;
                oldSegmented += e.learned().old() == e.label() ? 1 : 0;
                if (!right) {
                    wrong.add(e.id() + " (labelled " + e.label() + ")");
                }
            }
        }
        return new Agreement(learned, old, learnedSegmented, oldSegmented, examples.size(), wrong);
    }

    /** The examples with one measure held at zero everywhere, so the fit cannot use it: what that measure earns. */
    static List<Example> without(List<Example> examples, int measure) {
        return examples.stream().map(e -> new Example(e.id(), e.fold(), without(e.labelled(), measure),
            without(e.learned(), measure), e.label())).toList();
    }

    private static Reading without(Reading r, int measure) {
        if (r.measures() == null) {
            return r;
        }
        double[] m = r.measures().clone();
        m[measure] = 0;
        return new Reading(m, r.fixed(), r.old());
    }

    /** Reads the labelled answers of a folder, each in the fold {@code foldOf} gives its id. */
    interface Reader {
        List<Example> read(Path folder, ToIntFunction<String> foldOf);
    }

    /**
     * The training command: {@code --answers DIR... [--out FILE] [--cv]}. Prints the agreement cross-validated by
     * writer at each penalty with --cv, and writes the judge fitted on every answer at {@code lambda} with --out.
     */
    static void run(String[] args, String what, Reader reader, Function<double[], Object> judge, double lambda) throws IOException {
        List<Path> folders = new ArrayList<>();
        Path out = null;
        boolean cv = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--answers" -> folders.add(Path.of(args[++i]));
                case "--out" -> out = Path.of(args[++i]);
                case "--cv" -> cv = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                    + " (expected --answers DIR... [--out FILE] [--cv])");
            }
        }
        if (folders.isEmpty()) {
            throw new IllegalArgumentException("--answers DIR is required");
        }
        List<Example> examples = examples(reader, folders);
        System.out.printf("%s: %d labelled answers (%d labelled true), %d writers%n", what, examples.size(),
            examples.stream().filter(Example::label).count(), examples.stream().mapToInt(Example::fold).distinct().count());
        if (cv) {
            for (double l : new double[] {0.01, 0.03, 0.1, 0.3, 1}) {
                Agreement a = crossValidate(examples, l);
                System.out.printf("%s cross-validated by writer, lambda %.2f: %s%n  wrong: %s%n", what, l, a, a.wrong());
            }
            int measures = examples.stream().filter(e -> e.labelled().measures() != null).findFirst().orElseThrow()
                .labelled().measures().length;
            for (int m = 0; m < measures; m++) {
                System.out.printf("%s without measure %d, lambda %.2f: %s%n", what, m, lambda, crossValidate(without(examples, m), lambda));
            }
        }
        if (out != null) {
            Files.writeString(out, Folds.write(judge.apply(fit(examples, lambda))));
            System.out.println("wrote " + out);
        }
    }

    /**
     * The labelled answers of the folders, one fold per writer ({@link HandOffTraining#writer}: the id without its
     * number, the shared samples one writer), so a judge is never scored on a writer it learned from.
     */
    static List<Example> examples(Reader reader, List<Path> folders) {
        Map<String, Integer> writers = new TreeMap<>();
        List<Example> out = new ArrayList<>();
        for (Path folder : folders) {
            out.addAll(reader.read(folder, id -> writers.computeIfAbsent(HandOffTraining.writer(id), w -> writers.size())));
        }
        return out;
    }
}
