package dev.starpace.engine.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.starpace.engine.bank.Card;
import dev.starpace.engine.bank.QuestionBank;
import dev.starpace.engine.rules.Answer;
import dev.starpace.engine.rules.Rule;
import dev.starpace.engine.rules.RuleResult;
import dev.starpace.engine.rules.train.RuleLabels;
import dev.starpace.engine.rules.RuleSet;
import dev.starpace.engine.segment.train.LabelledAnswer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Phrases matched through a near miss must not find what a clean answer does not say. On every labelled answer
 * (the corpus and the samples, read as written, with their labelled phases) each content rule is run word for word
 * and with slips; a verdict that slips change away from the label is a false positive.
 */
class SlipMatchingTest {
    private static final QuestionBank BANK = QuestionBank.builtIn();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Measured: no clean answer's verdict moves away from its label (docs/scored-transcript.md). */
    static final int FALSE_POSITIVES = 0;

    @Test
    void slipsFindNothingThatCleanAnswersDoNotSay() throws IOException {
        int checks = 0;
        int moved = 0;
        List<String> falsePositives = new ArrayList<>();
        for (Path file : labelled()) {
            JsonNode root = JSON.readTree(file.toFile());
            LabelledAnswer labelled = LabelledAnswer.read(file);
            LabelledAnswer.Timed timed = labelled.steady();
            Card card = SampleCards.everythingFor(BANK, root.path("lp").asText());
            Answer answer = new Answer(card, labelled.level(), timed.words(), timed.gold());
            for (Rule rule : RuleSet.forCard(card)) {
                RuleResult exact = rule.check(answer.exact());
                RuleResult slipped = rule.check(answer);
                checks++;
                if (exact.passed() != slipped.passed() || !String.valueOf(exact.value()).equals(String.valueOf(slipped.value()))) {
                    moved++;
                    if (RuleLabels.of(slipped, root.get("expected")) == RuleLabels.WRONG
                        && RuleLabels.of(exact, root.get("expected")) == RuleLabels.AGREES) {
                        falsePositives.add(labelled.id() + " " + rule.id() + ": " + slipped.evidence());
                    }
                }
            }
        }
        System.out.printf("slip matching on %d clean rule checks: %d verdicts moved, %d away from the label (%.1f %%)%n",
            checks, moved, falsePositives.size(), 100.0 * falsePositives.size() / checks);
        assertEquals(FALSE_POSITIVES, falsePositives.size(), falsePositives.toString());
    }

    static List<Path> labelled() throws IOException {
        List<Path> out = new ArrayList<>(answersIn(Path.of("corpus")));
        out.addAll(answersIn(Path.of("src/test/resources/samples")));
        return out;
    }

    /** The labelled answers' files in one folder, in name order. */
    static List<Path> answersIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }
}
