package dev.starpace.engine.segment.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starpace.engine.Level;
import dev.starpace.engine.Phase;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The position-only floor: cut points fitted on tidy answers label another tidy answer by position alone. */
class PositionRuleTest {
    private static LabelledAnswer answer(String id, String... phases) {
        List<String> sentences = java.util.stream.IntStream.range(0, phases.length)
            .mapToObj(i -> "this is sentence number " + (i + 1) + " of the story").toList();
        return new LabelledAnswer(id, Level.SDE2, sentences, java.util.Arrays.stream(phases).map(Phase::parse).toList(),
            "formulaic", "retail");
    }

    @Test
    void cutPointsFittedOnInOrderAnswersLabelAnotherByPositionAlone() {
        List<LabelledAnswer> training = List.of(answer("a1", "S", "T", "A", "A", "R", "F"),
            answer("a2", "S", "T", "A", "A", "R", "F"), answer("a3", "S", "S", "T", "A", "A", "A", "R", "F"));
        PositionRule rule = PositionRule.fit(training);
        for (int i = 1; i < rule.cuts().length; i++) {
            assertTrue(rule.cuts()[i] >= rule.cuts()[i - 1], "cut points in order");
        }
        LabelledAnswer tidy = answer("b", "S", "T", "A", "A", "R", "F");
        WordTally tally = WordTally.of(tidy.steady().gold(), rule.label(tidy));
        assertEquals(1.0, tally.share(), 1e-9, "a tidy answer like the training ones is all right by position");
    }

    @Test
    void resultAndReflectionCountAsOneInTheMergedFigure() {
        WordTally t = WordTally.of(List.of(Phase.RESULT, Phase.REFLECTION, Phase.ACTION),
            List.of(Phase.REFLECTION, Phase.RESULT, Phase.ACTION));
        assertEquals(1.0 / 3, t.share(), 1e-9);
        assertEquals(1.0, t.mergedShare(), 1e-9);
    }
}
