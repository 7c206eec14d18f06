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
import dev.starpace.engine.rules.Rule;
import dev.starpace.engine.rules.RuleResult;
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
 * with the card of their LP), on the labelled phases and on the phases the learned segmenter gives. Prints the figures
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

    /** Per rule, agreeing answers on labelled phases, on learned phases, and the disagreeing ones. */
    static final Map<String, int[]> AGREE = new TreeMap<>();
    static final Map<String, List<String>> WRONG = new TreeMap<>();
    static int answers;

    @BeforeAll
    static void measure() throws IOException {
        Analyzer analyzer = new Analyzer(BANK);
        for (Path file : SlipMatchingTest.labelled()) {
            JsonNode root = JSON.readTree(file.toFile());
            LabelledAnswer labelled = LabelledAnswer.read(file);
            LabelledAnswer.Timed timed = labelled.steady();
            Card card = SampleCards.everythingFor(BANK, root.path("lp").asText());
            List<Phase> segmented = analyzer.label(timed.words());
            answers++;
            for (Rule rule : RuleSet.forCard(card)) {
                int[] agree = AGREE.computeIfAbsent(rule.id(), k -> new int[2]);
                List<List<Phase>> phasings = List.of(timed.gold(), segmented);
                for (int p = 0; p < 2; p++) {
                    RuleResult r = rule.check(new Answer(card, labelled.level(), timed.words(), phasings.get(p)));
                    if (RuleLabels.of(r, root.get("expected")) == RuleLabels.AGREES) {
                        agree[p]++;
                    } else {
                        WRONG.computeIfAbsent(rule.id(), k -> new ArrayList<>()).add((p == 0 ? "" : "learned ") + labelled.id()
                            + (r.passed() ? " passed" : " failed"));
                    }
                }
            }
        }
        StringBuilder b = new StringBuilder(String.format("%nrules against the labels on %d answers: labelled phases / learned phases%n", answers));
        AGREE.forEach((rule, a) -> b.append(String.format("%-22s %5.1f %% / %5.1f %%  wrong: %s%n", rule, 100.0 * a[0] / answers,
            100.0 * a[1] / answers, WRONG.getOrDefault(rule, List.of()))));
        System.out.println(b);
    }

    @Test
    void theActionAndScopeRulesAgreeWithTheLabels() {
        AT_LEAST.forEach((rule, floor) -> {
            int[] a = AGREE.get(rule);
            assertTrue(100.0 * a[0] / answers >= floor[0] && 100.0 * a[1] / answers >= floor[1],
                rule + ": " + a[0] + " and " + a[1] + " of " + answers + "; wrong: " + WRONG.get(rule));
        });
    }
}
