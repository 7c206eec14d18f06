package dev.starpace.engine.samples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.starpace.engine.Analyzer;
import dev.starpace.engine.Phase;
import dev.starpace.engine.bank.Card;
import dev.starpace.engine.bank.QuestionBank;
import dev.starpace.engine.rules.ActionFirstPerson;
import dev.starpace.engine.rules.Answer;
import dev.starpace.engine.rules.NoDisqualifiers;
import dev.starpace.engine.rules.ReflectionSpecific;
import dev.starpace.engine.rules.ResultQuantified;
import dev.starpace.engine.rules.Rule;
import dev.starpace.engine.rules.RuleResult;
import dev.starpace.engine.rules.train.RuleLabels;
import dev.starpace.engine.rules.RuleSet;
import dev.starpace.engine.rules.TaskScopeBoundary;
import dev.starpace.engine.segment.train.LabelledAnswer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each content rule against the labels on every labelled answer (the corpus and the shared samples, read as written,
 * with the card of their LP), on the labelled phases and on the phases the learned segmenter gives; and apart, on the
 * 66 answers kept out of the segmenter's training and of every rule's tuning ({@code corpus/held-out}). Prints the figures
 * docs/noisy-recordings.md quotes and the answers each rule disagrees on.
 */
class RuleAgreementTest {
    private static final QuestionBank BANK = QuestionBank.builtIn();
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Floors from figures not measured on what was tuned, less two points. The Action judge was fitted on these
     * answers, so its floors are its held-out figures (92.3 % labelled phases, 93.7 % learned: ActionTrainingTest), not
     * the 93.0 % it scores fitted. The scope rule's negated-owner pattern was written after reading these answers' misses
     * (97.2 % / 95.8 % now), so its floors are the figures before it (93.0 % / 92.3 %).
     */
    static final Map<String, double[]> AT_LEAST = Map.of(ActionFirstPerson.ID, new double[] {92.3 - 2, 93.7 - 2},
        TaskScopeBoundary.ID, new double[] {93.0 - 2, 92.3 - 2});

    /**
     * Per rule, on the answers kept out of every training and every rule's tuning ({@code corpus/held-out}): floors
     * from the figures measured on them, less two points, on labelled phases and on learned phases.
     */
    static final Map<String, double[]> HELD_OUT_AT_LEAST = Map.of(
        ActionFirstPerson.ID, new double[] {84.8 - 2, 80.3 - 2},
        NoDisqualifiers.ID, new double[] {78.8 - 2, 78.8 - 2},   // 74.2 / 74.2 with the phrase rule
        ReflectionSpecific.ID, new double[] {84.8 - 2, 78.8 - 2},   // 83.3 / 75.8 before the changed-habit measure
        ResultQuantified.ID, new double[] {100.0 - 2, 93.9 - 2},
        TaskScopeBoundary.ID, new double[] {98.5 - 2, 93.9 - 2});

    /** Per rule, agreeing answers on labelled and on learned phases, and the answers it disagrees on. */
    record Tally(int answers, Map<String, int[]> agree, Map<String, List<String>> wrong) {
        double share(String rule, int phasing) {
            return 100.0 * agree.get(rule)[phasing] / answers;
        }

        void print(String what) {
            StringBuilder b = new StringBuilder(String.format("%nrules against the labels on %d %s: labelled phases / learned phases%n",
                answers, what));
            agree.forEach((rule, a) -> b.append(String.format("%-22s %5.1f %% / %5.1f %%  wrong: %s%n", rule,
                share(rule, 0), share(rule, 1), wrong.getOrDefault(rule, List.of()))));
            System.out.println(b);
        }

        void assertAtLeast(Map<String, double[]> floors) {
            floors.forEach((rule, floor) -> assertTrue(share(rule, 0) >= floor[0] && share(rule, 1) >= floor[1],
                rule + ": " + agree.get(rule)[0] + " and " + agree.get(rule)[1] + " of " + answers + "; wrong: " + wrong.get(rule)));
        }
    }

    static Tally tuned;
    static Tally heldOut;
    /** The varied answers ({@code corpus/varied}: five more writers, every length and genre), per writer. */
    static final Map<String, Tally> VARIED = new TreeMap<>();

    @BeforeAll
    static void measure() throws IOException {
        Analyzer analyzer = new Analyzer(BANK);
        tuned = tally(SlipMatchingTest.labelled(), analyzer);
        tuned.print("answers");
        heldOut = tally(SlipMatchingTest.answersIn(Path.of("corpus/held-out")), analyzer);
        heldOut.print("answers kept out of training and tuning");
        Map<String, List<Path>> byWriter = new TreeMap<>();
        for (Path f : SlipMatchingTest.answersIn(Path.of("corpus/varied"))) {
            byWriter.computeIfAbsent(f.getFileName().toString().replaceAll("\\d+\\.json$", ""), k -> new ArrayList<>()).add(f);
        }
        for (Map.Entry<String, List<Path>> w : byWriter.entrySet()) {
            VARIED.put(w.getKey(), tally(w.getValue(), analyzer));
            VARIED.get(w.getKey()).print("varied answers by writer " + w.getKey()
                + " (the hand-off judge trained on them: its held-out figures by writer are HandOffTraining's)");
        }
    }

    private static Tally tally(List<Path> files, Analyzer analyzer) throws IOException {
        Map<String, int[]> agree = new TreeMap<>();
        Map<String, List<String>> wrong = new TreeMap<>();
        for (Path file : files) {
            JsonNode root = JSON.readTree(file.toFile());
            LabelledAnswer labelled = LabelledAnswer.read(file);
            LabelledAnswer.Timed timed = labelled.steady();
            Card card = SampleCards.everythingFor(BANK, root.path("lp").asText());
            List<Phase> segmented = analyzer.label(timed.words());
            for (Rule rule : RuleSet.forCard(card)) {
                int[] a = agree.computeIfAbsent(rule.id(), k -> new int[2]);
                List<List<Phase>> phasings = List.of(timed.gold(), segmented);
                for (int p = 0; p < 2; p++) {
                    RuleResult r = rule.check(new Answer(card, labelled.level(), timed.words(), phasings.get(p)));
                    if (RuleLabels.of(r, root.get("expected")) == RuleLabels.AGREES) {
                        a[p]++;
                    } else {
                        wrong.computeIfAbsent(rule.id(), k -> new ArrayList<>()).add((p == 0 ? "" : "learned ") + labelled.id()
                            + (r.passed() ? " passed" : " failed"));
                    }
                }
            }
        }
        return new Tally(files.size(), agree, wrong);
    }

    @Test
    void theActionAndScopeRulesAgreeWithTheLabels() {
        tuned.assertAtLeast(AT_LEAST);
    }

    @Test
    void everyRuleAgreesWithTheLabelsOnAnswersNothingWasTunedOn() {
        heldOut.assertAtLeast(HELD_OUT_AT_LEAST);
    }
}
