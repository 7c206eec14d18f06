package dev.starpace.engine.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.starpace.engine.Analyzer;
import dev.starpace.engine.ScoredTranscript;
import dev.starpace.engine.bank.Card;
import dev.starpace.engine.bank.QuestionBank;
import dev.starpace.engine.delivery.DeliveryRules;
import dev.starpace.engine.rules.ActionFirstPerson;
import dev.starpace.engine.rules.Evidence;
import dev.starpace.engine.rules.NoDisqualifiers;
import dev.starpace.engine.rules.ReflectionSpecific;
import dev.starpace.engine.rules.ResultQuantified;
import dev.starpace.engine.rules.RuleResult;
import dev.starpace.engine.rules.TaskScopeBoundary;
import dev.starpace.engine.text.SpokenText;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every flag the samples expect, from timed transcripts of the samples, scored against their LP's card. */
class SampleFlagsTest {
    private static final QuestionBank BANK = QuestionBank.builtIn();
    private static final Analyzer ANALYZER = new Analyzer(BANK);

    static Stream<String> samples() {
        return LabelledSample.IDS.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void flagsMatchTheLabels(String id) {
        LabelledSample sample = LabelledSample.load(id);
        Card card = SampleCards.cardFor(BANK, sample);
        ScoredTranscript scored = ANALYZER.analyze(sample.words(), card.id(), sample.level());
        JsonNode expected = sample.expected();

        RuleResult action = SampleCards.allRules(card, scored, ActionFirstPerson.ID);
        assertEquals(expected.get("we_language_in_action").asBoolean(), !action.passed(), "we/they in Action: " + action);

        RuleResult result = SampleCards.allRules(card, scored, ResultQuantified.ID);
        assertEquals(expected.get("quantified_result").asBoolean(), result.passed(), "quantified result: " + result);

        RuleResult scope = SampleCards.allRules(card, scored, TaskScopeBoundary.ID);
        assertEquals(expected.get("scope_boundary").asBoolean(), scope.passed(), "scope boundary: " + scope);

        RuleResult reflection = SampleCards.allRules(card, scored, ReflectionSpecific.ID);
        assertEquals(expected.get("reflection").asText(), reflection.value(), "reflection: " + reflection);

        RuleResult handOffs = SampleCards.allRules(card, scored, NoDisqualifiers.ID);
        List<String> wanted = toList(expected.get("disqualifiers"));
        assertEquals(wanted.isEmpty(), handOffs.passed(), "disqualifiers: " + handOffs);
        for (String phrase : wanted) {
            String spoken = SpokenText.of(phrase);
            assertTrue(handOffs.evidence().stream().map(Evidence::text).anyMatch(e -> e.contains(spoken)),
                "disqualifier \"" + spoken + "\" not in " + handOffs.evidence());
        }

        RuleResult fillers = scored.rules().stream().filter(r -> r.id().equals(DeliveryRules.FILLERS)).findFirst().orElseThrow();
        assertEquals(expected.get("fillers").asInt(), fillers.value(), "fillers: " + fillers.evidence());
    }

    private static List<String> toList(JsonNode array) {
        return Stream.iterate(0, i -> i < array.size(), i -> i + 1).map(i -> array.get(i).asText()).toList();
    }
}
