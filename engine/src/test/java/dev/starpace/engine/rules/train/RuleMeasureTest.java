package dev.starpace.engine.rules.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starpace.engine.Analyzer;
import dev.starpace.engine.bank.QuestionBank;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 21's bar as {@link RuleMeasure} measures it ({@code engine/train-rules --measure}): per condition and rule,
 * right where it commits at least the figure measured less two points (docs/segmentation.md, section 7), and unclear
 * on at most 5 % of the clean recordings and 20 % of the 15 dB ones, as the issue asks.
 */
class RuleMeasureTest {
    /** Right where it commits, measured, per condition and rule; the test allows two points under. */
    static final Map<String, Map<String, Double>> RIGHT = Map.of(
        RuleMeasure.LABELLED, Map.of("action-first-person", 84.8, "no-disqualifiers", 78.8, "reflection-specific", 84.8,
            "result-quantified", 100.0, "task-scope-boundary", 100.0),
        RuleMeasure.TYPED, Map.of("action-first-person", 81.8, "no-disqualifiers", 78.8, "reflection-specific", 78.8,
            "result-quantified", 97.0, "task-scope-boundary", 98.5),
        RuleMeasure.CLEAN, Map.of("action-first-person", 81.5, "no-disqualifiers", 78.1, "reflection-specific", 78.8,
            "result-quantified", 95.5, "task-scope-boundary", 92.4),
        RuleMeasure.NOISY, Map.of("action-first-person", 92.9, "no-disqualifiers", 96.4, "reflection-specific", 100.0,
            "result-quantified", 100.0, "task-scope-boundary", 100.0));
    /** The issue's ceilings on unclear verdicts: clean recordings, and 15 dB. */
    static final Map<String, Double> UNCLEAR_AT_MOST = Map.of(RuleMeasure.CLEAN, 5.0, RuleMeasure.NOISY, 20.0);

    private static Map<String, Map<String, RuleMeasure.Tally>> measured;

    @BeforeAll
    static void measure() {
        measured = RuleMeasure.measure(Path.of("corpus"), new Analyzer(QuestionBank.builtIn()));
        System.out.print(RuleMeasure.table(measured));
    }

    @Test
    void whereARuleCommitsItIsRightAsOftenAsMeasured() {
        RIGHT.forEach((condition, rules) -> rules.forEach((rule, right) -> {
            RuleMeasure.Tally t = measured.get(condition).get(rule);
            assertTrue(t.rightWhereCommitted() >= right - 2, condition + ", " + rule + ": " + t.rightWhereCommitted()
                + " % right where it commits; not right: " + t.misses());
        }));
    }

    @Test
    void recordingsAreUnclearNoMoreThanTheIssueAllows() {
        UNCLEAR_AT_MOST.forEach((condition, most) -> measured.get(condition).forEach((rule, t) ->
            assertTrue(t.unclearShare() <= most, condition + ", " + rule + ": unclear on " + t.unclearShare() + " %; " + t.misses())));
    }
}
