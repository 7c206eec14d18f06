package dev.starpace.engine.rules.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.starpace.engine.bank.Card;
import dev.starpace.engine.bank.QuestionBank;
import dev.starpace.engine.rules.Answer;
import dev.starpace.engine.rules.HandOffJudge;
import dev.starpace.engine.rules.NoDisqualifiers;
import dev.starpace.engine.segment.SentenceEncoder;
import dev.starpace.engine.segment.Unit;
import dev.starpace.engine.segment.UnitCutter;
import dev.starpace.engine.segment.train.LabelledAnswer;
import dev.starpace.engine.text.SpokenText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Fits {@link HandOffJudge} on labelled answers: each answer (its labelled phases, timed as steady speech) is cut into
 * units as the segmenter cuts speech, and a unit is a hand-off when it holds a hand-off the writer listed in
 * {@code expected.disqualifiers} (their words, found in the answer). Measured by cross-validation by writer (each
 * writer's answers held out together, so a judge is never scored on a writer it learned from), per writer and pooled,
 * against the phrase rule it replaces; and on a folder kept out of training altogether ({@code --check}).
 *
 * <pre>
 * engine/train-rules         fit on every answer and write handoff-model.json (and the other judges)
 * engine/train-rules --cv    also print the held-out agreement
 * </pre>
 */
public final class HandOffTraining {
    /** L2 penalty on the standardised weights; chosen by cross-validation by writer over 0.01, 0.03, 0.1. */
    static final double LAMBDA = 0.03;
    /**
     * The probability at which a unit is called a hand-off, before the bias is moved so that the shipped judge's line is
     * 0.5 (as every judge's is, for {@code CloseCall}): few units hand off (126 of 5988), so the fitted probabilities run
     * low. Chosen by cross-validation by writer over 0.2, 0.3, 0.4, 0.5 (answers right: 315, 321, 318, 315 of 367, before
     * corpus/judged joined the training; with it, at 0.3: 385 of 442).
     */
    static final double LINE = 0.3;

    private HandOffTraining() {
    }

    /** One unit: its answer, the answer's writer, its measures and label; and the answer's label and old rule's verdict. */
    record Example(String answer, String writer, double[] measures, boolean handsOff, boolean answerHandsOff,
                   boolean phraseRuleFails) {
    }

    /** The writer of an answer: its id without the number ("v-c21" is "v-c"); the shared samples are one writer. */
    static String writer(String id) {
        return id.matches("[a-z]+-[a-z]+\\d+") ? id.replaceAll("\\d+$", "") : "samples";
    }

    static List<Example> read(Path folder) {
        QuestionBank bank = QuestionBank.builtIn();
        ObjectMapper json = new ObjectMapper();
        List<Example> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                JsonNode root = json.readTree(f.toFile());
                JsonNode listed = root.path("expected").path("disqualifiers");
                if (!listed.isArray()) {
                    continue;
                }
                LabelledAnswer labelled = LabelledAnswer.read(f);
                LabelledAnswer.Timed timed = labelled.steady();
                Card card = ReflectionTraining.cardFor(bank, root.path("lp").asText(""));
                Answer answer = new Answer(card, labelled.level(), timed.words(), timed.gold());
                boolean[] quoted = quoted(answer.tokens(), listed);
                NoDisqualifiers rule = new NoDisqualifiers(card, null);
                boolean[] phrases = rule.phraseStarts(answer);
                boolean phraseRule = !rule.phrases(answer).isEmpty();
                for (Unit u : UnitCutter.cut(answer.words())) {
                    boolean phrase = false;
                    int inQuote = 0;
                    for (int i = u.from(); i < u.to(); i++) {
                        phrase |= phrases[i];
                        inQuote += quoted[i] ? 1 : 0;
                    }
                    float[] v = SentenceEncoder.shared().encode(String.join(" ", answer.tokens().subList(u.from(), u.to())));
                    out.add(new Example(labelled.id(), writer(labelled.id()), HandOffJudge.measures(v, phrase),
                        inQuote >= Math.min(3, u.size()), !listed.isEmpty(), phraseRule));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Which words of the answer the listed hand-offs quote: the longest run of each quote's words found in order. */
    static boolean[] quoted(List<String> tokens, JsonNode listed) {
        boolean[] at = new boolean[tokens.size()];
        for (JsonNode q : listed) {
            List<String> quote = SpokenText.words(q.asText());
            int bestFrom = -1;
            int bestLength = 0;
            for (int i = 0; i < tokens.size(); i++) {
                for (int j = 0; j < quote.size(); j++) {
                    int k = 0;
                    while (i + k < tokens.size() && j + k < quote.size() && tokens.get(i + k).equals(quote.get(j + k))) {
                        k++;
                    }
                    if (k > bestLength) {
                        bestLength = k;
                        bestFrom = i;
                    }
                }
            }
            if (bestLength >= Math.min(3, quote.size())) {
                for (int i = bestFrom; i < bestFrom + bestLength; i++) {
                    at[i] = true;
                }
            }
        }
        return at;
    }

    static HandOffJudge fit(List<Example> examples, double lambda) {
        double[][] x = examples.stream().map(Example::measures).toArray(double[][]::new);
        boolean[] y = new boolean[examples.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = examples.get(i).handsOff();
        }
        double[] w = Logistic.fit(x, y, lambda);
        w[w.length - 1] = dev.starpace.engine.segment.train.SegmenterTraining.round(
            new double[] {w[w.length - 1] - Math.log(LINE / (1 - LINE))})[0];   // the line at LINE becomes 0.5
        return new HandOffJudge(w);
    }

    /** Per answer: whether the judge fails it (any unit at 0.5 or more). */
    static Map<String, Boolean> verdicts(HandOffJudge judge, List<Example> examples) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        for (Example e : examples) {
            out.merge(e.answer(), judge.handsOff(e.measures()) >= 0.5, Boolean::logicalOr);
        }
        return out;
    }

    /** Answer-level agreement with the labels of the judge and of the phrase rule: [judge, phrase rule, answers]. */
    static int[] agreement(Map<String, Boolean> verdicts, List<Example> examples, List<String> wrong) {
        Map<String, Example> first = new LinkedHashMap<>();
        examples.forEach(e -> first.putIfAbsent(e.answer(), e));
        int[] a = new int[3];
        first.forEach((id, e) -> {
            boolean right = verdicts.get(id) == e.answerHandsOff();
            a[0] += right ? 1 : 0;
            a[1] += e.phraseRuleFails() == e.answerHandsOff() ? 1 : 0;
            a[2]++;
            if (!right) {
                wrong.add(id + (e.answerHandsOff() ? " (a hand-off)" : " (none)"));
            }
        });
        return a;
    }

    /** Cross-validation by writer: prints each writer's held-out agreement and the pooled one; returns the pooled. */
    static int[] crossValidate(List<Example> examples, double lambda, boolean print) {
        int[] pooled = new int[3];
        List<String> wrong = new ArrayList<>();
        for (String w : new TreeSet<>(examples.stream().map(Example::writer).toList())) {
            HandOffJudge judge = fit(examples.stream().filter(e -> !e.writer().equals(w)).toList(), lambda);
            List<Example> held = examples.stream().filter(e -> e.writer().equals(w)).toList();
            int[] a = agreement(verdicts(judge, held), held, wrong);
            for (int k = 0; k < 3; k++) {
                pooled[k] += a[k];
            }
            if (print) {
                System.out.printf("  writer %-8s judge %3d/%3d (%5.1f %%), phrase rule %3d (%5.1f %%)%n", w, a[0], a[2],
                    100.0 * a[0] / a[2], a[1], 100.0 * a[1] / a[2]);
            }
        }
        System.out.printf("hand-offs held out by writer, lambda %.2f: judge %d/%d (%.1f %%), phrase rule %d (%.1f %%)%n  wrong: %s%n",
            lambda, pooled[0], pooled[2], 100.0 * pooled[0] / pooled[2], pooled[1], 100.0 * pooled[1] / pooled[2], print ? wrong : "");
        return pooled;
    }

    /** The units' labels and measures as TSV, to look at them outside Java. */
    static void dump(List<Example> examples, Path out) throws IOException {
        StringBuilder b = new StringBuilder();
        for (Example e : examples) {
            b.append(e.answer()).append('\t').append(e.writer()).append('\t').append(e.handsOff() ? 1 : 0).append('\t')
                .append(e.answerHandsOff() ? 1 : 0).append('\t').append(e.phraseRuleFails() ? 1 : 0);
            for (double x : e.measures()) {
                b.append('\t').append((float) x);
            }
            b.append('\n');
        }
        Files.writeString(out, b.toString());
    }

    public static void main(String[] args) throws IOException {
        List<Path> folders = new ArrayList<>();
        List<Path> checks = new ArrayList<>();
        Path out = null;
        boolean cv = false;
        boolean search = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--answers" -> folders.add(Path.of(args[++i]));
                case "--check" -> checks.add(Path.of(args[++i]));
                case "--out" -> out = Path.of(args[++i]);
                case "--cv" -> cv = true;
                case "--search" -> search = true;
                case "--dump" -> {
                    dump(read(Path.of(args[i + 1])), Path.of(args[i + 2]));
                    i += 2;
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                    + " (expected --answers DIR... [--check DIR...] [--out FILE] [--cv] [--search])");
            }
        }
        List<Example> examples = new ArrayList<>();
        folders.forEach(f -> examples.addAll(read(f)));
        System.out.printf("hand-offs: %d units of %d answers (%d units hand off)%n", examples.size(),
            examples.stream().map(Example::answer).distinct().count(), examples.stream().filter(Example::handsOff).count());
        if (cv) {
            for (double l : search ? new double[] {0.01, 0.03, 0.1} : new double[] {LAMBDA}) {
                crossValidate(examples, l, l == LAMBDA);
            }
        }
        HandOffJudge judge = fit(examples, LAMBDA);
        for (Path c : checks) {
            List<Example> held = read(c);
            List<String> wrong = new ArrayList<>();
            int[] a = agreement(verdicts(judge, held), held, wrong);
            System.out.printf("hand-offs on %s (never trained on): judge %d/%d (%.1f %%), phrase rule %d (%.1f %%)%n  wrong: %s%n",
                c, a[0], a[2], 100.0 * a[0] / a[2], a[1], 100.0 * a[1] / a[2], wrong);
        }
        if (out != null) {
            Files.writeString(out, Folds.write(judge));
            System.out.println("wrote " + out);
        }
    }
}
