package dev.starpace.engine.rules.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.starpace.engine.Phase;
import dev.starpace.engine.bank.Card;
import dev.starpace.engine.bank.QuestionBank;
import dev.starpace.engine.rules.Answer;
import dev.starpace.engine.rules.ReflectionJudge;
import dev.starpace.engine.rules.ReflectionMeasurer;
import dev.starpace.engine.rules.ReflectionSpecific;
import dev.starpace.engine.segment.train.LabelledAnswer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Fits {@link ReflectionJudge} on labelled answers whose expected reflection is {@code specific} or {@code generic}
 * (their labelled phases, timed as steady speech) of every writer given and measures it by cross-validation by writer
 * against the word-overlap rule.
 *
 * <pre>
 * engine/train-rules         fit on every answer and write reflection-model.json
 * engine/train-rules --cv    also print the cross-validated agreement
 * </pre>
 *
 * Deterministic: full-batch gradient descent from zero on standardised measures.
 */
public final class ReflectionTraining {
    /** L2 penalty on the standardised weights; chosen by cross-validation over 0.01, 0.1, 1. */
    static final double LAMBDA = 0.1;

    /** One labelled reflection: the answer's id, its measures and whether it is specific. */
    record Example(String id, ReflectionJudge.Measures measures, boolean specific) {
    }

    private ReflectionTraining() {
    }

    /** The labelled reflections in a folder (answers labelled {@code missing}, or too short to judge, are left out). */
    static List<Example> read(Path folder, ReflectionMeasurer measurer) {
        QuestionBank bank = QuestionBank.builtIn();
        ObjectMapper json = new ObjectMapper();
        List<Example> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                JsonNode root = json.readTree(f.toFile());
                String expected = root.path("expected").path("reflection").asText("");
                if (!expected.equals("specific") && !expected.equals("generic")) {
                    continue;
                }
                LabelledAnswer labelled = LabelledAnswer.read(f);
                LabelledAnswer.Timed timed = labelled.steady();
                Card card = cardFor(bank, root.path("lp").asText(""));
                Answer answer = new Answer(card, labelled.level(), timed.words(), timed.gold());
                List<Integer> reflection = answer.indicesOf(Phase.REFLECTION);
                if (reflection.size() < ReflectionSpecific.MIN_WORDS) {
                    continue;
                }
                ReflectionSpecific rule = new ReflectionSpecific(card, null, measurer);
                ReflectionSpecific.Lexical lexical = rule.lexical(answer, reflection);
                out.add(new Example(labelled.id(), measurer.measure(answer, reflection, lexical.specific(),
                    lexical.changedHabit(), card.phase(Phase.REFLECTION).strongExample()), expected.equals("specific")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static Card cardFor(QuestionBank bank, String lp) {
        String first = lp.split(";")[0].trim();
        return bank.cards().stream().filter(c -> c.lp().equalsIgnoreCase(first)).findFirst().orElse(bank.defaultCard());
    }

    /** Logistic regression ({@link Logistic}) on the examples' measures; weights in raw units. */
    static ReflectionJudge fit(List<Example> examples, double lambda) {
        double[][] x = examples.stream().map(e -> e.measures().values()).toArray(double[][]::new);
        boolean[] y = new boolean[examples.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = examples.get(i).specific();
        }
        return new ReflectionJudge(Logistic.fit(x, y, lambda));
    }

    /** Held-out agreement with the labels: the learned judge's and the word-overlap rule's, on the same folds. */
    record Agreement(int learned, int wordOverlap, int total) {
        @Override
        public String toString() {
            return String.format("learned %d/%d (%.1f %%), word overlap %d/%d (%.1f %%)", learned, total,
                100.0 * learned / total, wordOverlap, total, 100.0 * wordOverlap / total);
        }
    }

    /** Cross-validation by writer ({@link HandOffTraining#writer}): each writer's reflections held out together. */
    static Agreement crossValidate(List<Example> examples, double lambda) {
        return crossValidate(examples, lambda, false);
    }

    /** The same, printing each writer's held-out agreement when asked (a new writer's fold is its own check). */
    static Agreement crossValidate(List<Example> examples, double lambda, boolean print) {
        int learned = 0;
        int overlap = 0;
        for (Map.Entry<String, List<Example>> held : byWriter(examples).entrySet()) {
            ReflectionJudge judge = fit(examples.stream().filter(e -> !HandOffTraining.writer(e.id()).equals(held.getKey())).toList(), lambda);
            int right = 0;
            List<String> wrong = new ArrayList<>();
            for (Example e : held.getValue()) {
                boolean agrees = (judge.specific(e.measures()) >= 0.5) == e.specific();
                right += agrees ? 1 : 0;
                overlap += (e.measures().lexicalSpecific() == 1) == e.specific() ? 1 : 0;
                if (!agrees) {
                    wrong.add(e.id() + (e.specific() ? " (specific)" : " (generic)"));
                }
            }
            learned += right;
            if (print) {
                System.out.printf("  writer %-8s learned %3d/%3d, wrong: %s%n", held.getKey(), right, held.getValue().size(), wrong);
            }
        }
        return new Agreement(learned, overlap, examples.size());
    }

    /** The examples by writer, in writer order. */
    static Map<String, List<Example>> byWriter(List<Example> examples) {
        Map<String, List<Example>> out = new TreeMap<>();
        examples.forEach(e -> out.computeIfAbsent(HandOffTraining.writer(e.id()), k -> new ArrayList<>()).add(e));
        return out;
    }

    static String write(ReflectionJudge judge) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(judge) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void main(String[] args) throws IOException {
        List<Path> folders = new ArrayList<>();
        List<Path> checks = new ArrayList<>();
        Path out = null;
        boolean cv = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--answers" -> folders.add(Path.of(args[++i]));
                case "--check" -> checks.add(Path.of(args[++i]));
                case "--out" -> out = Path.of(args[++i]);
                case "--cv" -> cv = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                    + " (expected --answers DIR... [--check DIR...] [--out FILE] [--cv])");
            }
        }
        ReflectionMeasurer measurer = ReflectionMeasurer.shared();
        List<Example> examples = new ArrayList<>();
        folders.forEach(f -> examples.addAll(read(f, measurer)));
        long specific = examples.stream().filter(Example::specific).count();
        System.out.printf("%d labelled reflections (%d specific, %d generic)%n", examples.size(), specific,
            examples.size() - specific);
        if (cv) {
            for (double lambda : new double[] {0.01, 0.03, 0.1, 0.3, 1}) {
                System.out.printf("cross-validated by writer, lambda %.2f: %s%n", lambda, crossValidate(examples, lambda, lambda == LAMBDA));
            }
        }
        ReflectionJudge fitted = fit(examples, LAMBDA);
        for (Path c : checks) {
            // by writer: a folder of many writers is scored writer by writer, each one never trained on
            byWriter(read(c, measurer)).forEach((w, held) -> {
                long right = held.stream().filter(e -> (fitted.specific(e.measures()) >= 0.5) == e.specific()).count();
                long overlap = held.stream().filter(e -> (e.measures().lexicalSpecific() == 1) == e.specific()).count();
                System.out.printf("reflections of writer %s in %s (never trained on): learned %d/%d (%.1f %%), word overlap %d (%.1f %%)%n",
                    w, c, right, held.size(), 100.0 * right / held.size(), overlap, 100.0 * overlap / held.size());
            });
        }
        if (out != null) {
            Files.writeString(out, write(fitted));
            System.out.println("wrote " + out);
        }
    }
}
