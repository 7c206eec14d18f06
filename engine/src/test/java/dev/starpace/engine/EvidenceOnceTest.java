package dev.starpace.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.starpace.engine.bank.Card;
import dev.starpace.engine.bank.QuestionBank;
import dev.starpace.engine.rules.Answer;
import dev.starpace.engine.rules.ReflectionSpecific;
import dev.starpace.engine.rules.RuleResult;
import dev.starpace.engine.samples.LabelledSample;
import dev.starpace.engine.transcript.Word;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The report shows each piece of evidence once: a rule that finds the same span twice does not make two chips. */
class EvidenceOnceTest {
    private final Analyzer analyzer = new Analyzer(QuestionBank.builtIn());

    @Test
    void aPlatitudeMatchedByFourPhrasesIsOneChip() throws Exception {
        // c-d04 heard: "... is very important" in its reflection, which four platitude phrases match at the same times
        Card seed = QuestionBank.builtIn().get("customer-obsession-above-and-beyond");
        List<Word> words = new ArrayList<>();
        for (JsonNode w : new ObjectMapper().readTree(Path.of("corpus/spoken/c-d04.json").toFile()).get("words")) {
            words.add(new Word(w.get("word").asText(), w.get("start").asDouble(), w.get("end").asDouble()));
        }
        List<Phase> phases = analyzer.label(words);
        RuleResult raw = new ReflectionSpecific(seed).check(new Answer(seed, Level.SDE2, words, phases));
        assertTrue(raw.evidence().stream().distinct().count() < raw.evidence().size(), "the rule finds the span more than once: " + raw.evidence());
        RuleResult shown = analyzer.score(seed, Level.SDE2, words, phases).rules().stream()
            .filter(r -> r.id().equals(ReflectionSpecific.ID)).findFirst().orElseThrow();
        assertEquals(shown.evidence().stream().distinct().count(), shown.evidence().size(), shown.evidence().toString());
        assertEquals(raw.evidence().stream().distinct().toList(), shown.evidence());
    }

    @Test
    void noAnswerShowsTheSameEvidenceTwice() {
        for (LabelledSample s : Stream.concat(LabelledSample.all().stream(), LabelledSample.more().stream()).toList()) {
            ScoredTranscript t = analyzer.analyze(s.words(), s.id().startsWith("seed") ? "customer-obsession-above-and-beyond" : null, s.level());
            for (RuleResult r : t.rules()) {
                assertTrue(r.evidence().stream().distinct().count() == r.evidence().size(), s.id() + " " + r);
            }
        }
    }
}
