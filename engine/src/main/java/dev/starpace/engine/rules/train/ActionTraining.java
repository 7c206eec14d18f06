package dev.starpace.engine.rules.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.starpace.engine.Analyzer;
import dev.starpace.engine.Phase;
import dev.starpace.engine.bank.QuestionBank;
import dev.starpace.engine.rules.ActionFirstPerson;
import dev.starpace.engine.rules.ActionJudge;
import dev.starpace.engine.rules.Answer;
import dev.starpace.engine.segment.train.LabelledAnswer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Fits {@link ActionJudge} on labelled answers ({@code expected.we_language_in_action}, their labelled phases, timed as
 * steady speech) and measures it by cross-validation by answer against the old rule (fail at a {@value #OLD_LIMIT}
 * share of "we"/"they" subjects), on the labelled phases and on the phases the learned segmenter gives.
 *
 * <pre>
 * engine/train-rules         fit on every answer and write action-model.json (and the reflection model)
 * engine/train-rules --cv    also print the cross-validated agreement
 * </pre>
 *
 * Five folds: fold 0 is the ten shared samples, the corpus is dealt into the other four by a seeded shuffle.
 */
public final class ActionTraining {
    static final long SEED = 20261127L;
    static final int FOLDS = 5;
    /** L2 penalty on the standardised weights; chosen by cross-validation over 0.01, 0.1, 1. */
    static final double LAMBDA = 0.1;
    /** The rule before the judge: it failed an Action when "we"/"they" took this share of its subjects. */
    static final double OLD_LIMIT = 0.4;

    /**
     * One labelled Action: the answer's id, its fold, its counts on the labelled phases and on the learned segmenter's,
     * and whether the label says it leans on "we"/"they".
     */
    record Example(String id, int fold, ActionFirstPerson.Count labelled, ActionFirstPerson.Count learned, boolean others) {
    }

    private ActionTraining() {
    }

    /** The labelled answers in a folder, all in one fold, or dealt into folds 1..4 when {@code fold} is negative. */
    static List<Example> read(Path folder, int fold, Analyzer analyzer) {
        QuestionBank bank = analyzer.bank();
        ObjectMapper json = new ObjectMapper();
        List<Example> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> labelled = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < labelled.size(); i++) {
                order.add(i);
            }
            Collections.shuffle(order, new Random(SEED));
            int[] folds = new int[labelled.size()];
            for (int k = 0; k < order.size(); k++) {
                folds[order.get(k)] = fold >= 0 ? fold : 1 + k % (FOLDS - 1);
            }
            for (int i = 0; i < labelled.size(); i++) {
                JsonNode expected = json.readTree(labelled.get(i).toFile()).path("expected").path("we_language_in_action");
                if (!expected.isBoolean()) {
                    continue;
                }
                LabelledAnswer answer = LabelledAnswer.read(labelled.get(i));
                LabelledAnswer.Timed timed = answer.steady();
                List<Phase> segmented = analyzer.label(bank.defaultCard(), timed.words());
                out.add(new Example(answer.id(), folds[i],
                    ActionFirstPerson.count(new Answer(bank.defaultCard(), answer.level(), timed.words(), timed.gold())),
                    ActionFirstPerson.count(new Answer(bank.defaultCard(), answer.level(), timed.words(), segmented)),
                    expected.asBoolean()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Fits the judge on the Actions that say "I" at all (the rule fails the others whatever the judge says). */
    static ActionJudge fit(List<Example> examples, double lambda) {
        List<Example> judged = examples.stream().filter(e -> e.labelled().mine() > 0).toList();
        double[][] x = judged.stream().map(e -> e.labelled().measures().values()).toArray(double[][]::new);
        boolean[] y = new boolean[judged.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = judged.get(i).others();
        }
        return new ActionJudge(Logistic.fit(x, y, lambda));
    }

    /** The rule's verdict on counted Actions: "we"/"they" carry it (or "I" is absent). */
    static boolean others(ActionJudge judge, ActionFirstPerson.Count count) {
        return count.mine() == 0 || judge.others(count.measures()) >= 0.5;
    }

    static boolean oldOthers(ActionFirstPerson.Count count) {
        return count.mine() == 0 || count.measures().share() >= OLD_LIMIT;
    }

    /** Held-out agreement with the labels, the learned judge's and the old rule's, on labelled and learned phases. */
    record Agreement(int learned, int old, int learnedSegmented, int oldSegmented, int total, List<String> wrong) {
        @Override
        public String toString() {
            return String.format("labelled phases: judge %d/%d (%.1f %%), old rule %d/%d (%.1f %%); learned segmenter's phases:"
                    + " judge %.1f %%, old rule %.1f %%", learned, total, 100.0 * learned / total, old, total,
                100.0 * old / total, 100.0 * learnedSegmented / total, 100.0 * oldSegmented / total);
        }
    }

    static Agreement crossValidate(List<Example> examples, double lambda) {
        int learned = 0;
        int old = 0;
        int learnedSegmented = 0;
        int oldSegmented = 0;
        List<String> wrong = new ArrayList<>();
        for (int k = 0; k < FOLDS; k++) {
            int fold = k;
            ActionJudge judge = fit(examples.stream().filter(e -> e.fold() != fold).toList(), lambda);
            for (Example e : examples.stream().filter(e -> e.fold() == fold).toList()) {
                boolean right = others(judge, e.labelled()) == e.others();
                learned += right ? 1 : 0;
                old += oldOthers(e.labelled()) == e.others() ? 1 : 0;
                learnedSegmented += others(judge, e.learned()) == e.others() ? 1 : 0;
                oldSegmented += oldOthers(e.learned()) == e.others() ? 1 : 0;
                if (!right) {
                    wrong.add(e.id() + (e.others() ? " (labelled we)" : " (labelled I)"));
                }
            }
        }
        return new Agreement(learned, old, learnedSegmented, oldSegmented, examples.size(), wrong);
    }

    static String write(ActionJudge judge) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(judge) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shared samples (fold 0) and the corpus (folds 1..4). */
    static List<Example> examples(Path samples, Path corpus, Analyzer analyzer) {
        List<Example> out = new ArrayList<>(read(samples, 0, analyzer));
        out.addAll(read(corpus, -1, analyzer));
        return out;
    }

    public static void main(String[] args) throws IOException {
        Path samples = null;
        Path corpus = null;
        Path out = null;
        boolean cv = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--samples" -> samples = Path.of(args[++i]);
                case "--corpus" -> corpus = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--cv" -> cv = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                    + " (expected --samples DIR --corpus DIR [--out FILE] [--cv])");
            }
        }
        if (samples == null || corpus == null) {
            throw new IllegalArgumentException("--samples DIR and --corpus DIR are required");
        }
        List<Example> examples = examples(samples, corpus, new Analyzer(QuestionBank.builtIn()));
        long others = examples.stream().filter(Example::others).count();
        System.out.printf("%d labelled Actions (%d lean on we/they)%n", examples.size(), others);
        if (cv) {
            for (double lambda : new double[] {0.01, 0.1, 1}) {
                Agreement a = crossValidate(examples, lambda);
                System.out.printf("cross-validated, lambda %.2f: %s%n  wrong: %s%n", lambda, a, a.wrong());
            }
        }
        if (out != null) {
            Files.writeString(out, write(fit(examples, LAMBDA)));
            System.out.println("wrote " + out);
        }
    }
}
