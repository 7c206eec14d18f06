package dev.starpace.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.starpace.engine.bank.Card;
import dev.starpace.engine.bank.QuestionBank;
import dev.starpace.engine.delivery.AudioDelivery;
import dev.starpace.engine.delivery.InputQuality;
import dev.starpace.engine.rules.Answer;
import dev.starpace.engine.rules.Answers;
import dev.starpace.engine.rules.RuleResult;
import dev.starpace.engine.samples.LabelledSample;
import dev.starpace.engine.score.Verdict;
import dev.starpace.engine.transcript.Word;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AnalyzerTest {
    private static final String SEED = "customer-obsession-above-and-beyond";
    private final Analyzer analyzer = new Analyzer(QuestionBank.builtIn());

    @Test
    void theSeedsWeakAnswerGetsTheBarRaisersNo() {
        LabelledSample weak = LabelledSample.load("seed-weak");
        ScoredTranscript scored = analyzer.analyze(weak.words(), SEED, Level.SDE2);
        Map<String, Boolean> passed = scored.rules().stream().collect(Collectors.toMap(RuleResult::id, RuleResult::passed));
        assertFalse(passed.get("action-first-person"));
        assertFalse(passed.get("result-quantified"));
        assertFalse(passed.get("task-scope-boundary"));
        assertFalse(passed.get("reflection-specific"));
        assertFalse(passed.get("no-disqualifiers"));
        Verdict verdict = scored.verdict();
        assertTrue(verdict.decision() == Verdict.Decision.LEANING_NO_HIRE || verdict.decision() == Verdict.Decision.NO_HIRE);
        assertTrue(verdict.text().startsWith("Light on substance: none of the content checks passed."), verdict.text());
        assertTrue(verdict.text().contains("Zero quantification"), verdict.text());
        assertTrue(verdict.text().endsWith("for this LP (Customer Obsession)."), verdict.text());
        assertTrue(scored.score().total() < 50, "score " + scored.score());
    }

    @Test
    void theSeedsStrongAnswerScoresWellAndPassesEveryContentRule() {
        LabelledSample strong = LabelledSample.load("seed-strong");
        ScoredTranscript scored = analyzer.analyze(strong.words(), SEED, Level.SDE2);
        for (String id : List.of("action-first-person", "result-quantified", "task-scope-boundary", "reflection-specific", "no-disqualifiers")) {
            assertTrue(scored.rules().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow().passed(), id);
        }
        assertTrue(scored.score().total() > scored.score().parts().get(0).max() + 40, "score " + scored.score());
        assertEquals(100, scored.score().parts().stream().mapToDouble(p -> p.max()).sum(), 1e-9);
        assertFalse(scored.verdict().text().contains("No Hire"), scored.verdict().text());
    }

    @Test
    void theScoredTranscriptHasEveryFieldOfTheContract() throws Exception {
        LabelledSample strong = LabelledSample.load("seed-strong");
        ScoredTranscript scored = analyzer.analyze(strong.words(), SEED, Level.SENIOR);
        JsonNode json = new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(scored));
        for (String field : List.of("schema", "question", "level", "durationSeconds", "words", "phases", "budget", "rules",
            "delivery", "score", "verdict")) {
            assertTrue(json.has(field), field);
        }
        assertEquals("senior", json.get("level").asText());
        JsonNode word = json.get("words").get(0);
        assertEquals(List.of("word", "start", "end", "phase", "conf"), fieldNames(word));
        assertEquals("situation", word.get("phase").asText());
        JsonNode phase = json.get("phases").get(0);
        assertEquals(List.of("phase", "seconds", "targetSeconds", "status", "segments"), fieldNames(phase));
        JsonNode rule = json.get("rules").get(0);
        assertTrue(fieldNames(rule).containsAll(List.of("id", "passed", "status", "message", "evidence")));
        JsonNode quantified = findRule(json, "result-quantified");
        JsonNode evidence = quantified.get("evidence").get(0);
        assertEquals(List.of("start", "end", "text"), fieldNames(evidence));
        assertTrue(json.get("score").get("total").isInt());
        assertEquals(4, json.get("score").get("parts").size());
        assertTrue(json.get("verdict").get("text").asText().contains("Customer Obsession"));
        assertTrue(json.get("delivery").has("wordsPerMinute"));
    }

    @Test
    void aTranscriptWrittenBeforeConfidenceAndStatusReadsAsSureAndPassedOrFailed() throws Exception {
        ScoredTranscript scored = analyzer.analyze(LabelledSample.load("seed-weak").words(), SEED, Level.SDE2);
        ObjectMapper json = new ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode old = (com.fasterxml.jackson.databind.node.ObjectNode) json.valueToTree(scored);
        old.get("words").forEach(w -> ((com.fasterxml.jackson.databind.node.ObjectNode) w).remove("conf"));
        old.get("rules").forEach(r -> ((com.fasterxml.jackson.databind.node.ObjectNode) r).remove("status"));
        ScoredTranscript read = json.treeToValue(old, ScoredTranscript.class);
        assertTrue(read.words().stream().allMatch(w -> w.conf() == 1.0), "an old word was trusted when it was scored");
        assertTrue(read.rules().stream().allMatch(r -> r.status().equals(r.passed() ? "passed" : "failed")), read.rules().toString());
    }

    @Test
    void withNoQuestionTheGenericCardIsUsed() {
        ScoredTranscript scored = analyzer.analyze(LabelledSample.load("04-database-migration").words(), null, Level.SDE2);
        assertEquals(QuestionBank.DEFAULT_ID, scored.question().id());
        assertTrue(scored.rules().stream().noneMatch(r -> r.id().equals("task-scope-boundary")));
    }

    @Test
    void aTinyAnswerGetsReasonsThatFitIt() {
        ScoredTranscript one = analyzer.analyze(List.of(new dev.starpace.engine.transcript.Word("hello", 0, 0)), null, Level.SDE2);
        assertTrue(one.verdict().text().contains("No Action at all."), one.verdict().text());
        assertFalse(one.verdict().text().contains("'we'"), "no Action, so nothing to say about 'we' in it: " + one.verdict().text());
        long heard = one.phases().stream().filter(p -> p.status() != dev.starpace.engine.timing.PhaseStatus.MISSING).count();
        assertEquals(1, heard, "the one word was heard, even though it took no time: " + one.phases());
    }

    private static JsonNode findRule(JsonNode json, String id) {
        for (JsonNode r : json.get("rules")) {
            if (r.get("id").asText().equals(id)) {
                return r;
            }
        }
        throw new AssertionError("no rule " + id);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void aPoorRecordingMakesAJudgesCloseCallUnclearAndAGoodOneDoesNot() {
        Answer answer = Answers.of("T: Nobody had asked me to look at the checkout.",
            "A: I opened the logs. I found the leak. I wrote the patch. We tested it. We deployed the fix. I watched the errors. I wrote it up.",
            "R: Errors fell from three percent to zero.");
        List<Word> words = answer.words();
        List<Phase> phases = answer.phases();
        Card card = analyzer.bank().get(SEED);
        InputQuality noisy = new InputQuality(14, -23, -37, 0, List.of("noisy"), "noisy recording, 14 dB: results less certain");
        InputQuality fine = new InputQuality(42, -23, -65, 0, List.of(), null);
        RuleResult heardWell = action(analyzer.score(card, Level.SDE2, words, phases, audio(fine)));
        RuleResult heardInNoise = action(analyzer.score(card, Level.SDE2, words, phases, audio(noisy)));
        assertFalse(heardWell.unclear(), heardWell.toString());
        assertEquals(heardWell, action(analyzer.score(card, Level.SDE2, words, phases)), "a transcript reads as a good recording");
        assertTrue(heardInNoise.unclear(), heardInNoise.toString());
    }

    private static AudioDelivery audio(InputQuality quality) {
        return new AudioDelivery(null, null, null, null, List.of(), quality);
    }

    private static RuleResult action(ScoredTranscript scored) {
        return scored.rules().stream().filter(r -> r.id().equals("action-first-person")).findFirst().orElseThrow();
    }
}
