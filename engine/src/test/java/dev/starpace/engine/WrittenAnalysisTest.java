package dev.starpace.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.starpace.engine.bank.QuestionBank;
import dev.starpace.engine.samples.LabelledSample;
import dev.starpace.engine.score.Check;
import dev.starpace.engine.transcript.EstimatedTimings;
import org.junit.jupiter.api.Test;

/** A typed answer is judged as writing: no pace, pause or filler verdict, a score out of what applies. */
class WrittenAnalysisTest {
    private final Analyzer analyzer = new Analyzer(QuestionBank.builtIn());
    private final String text = String.join(" ", LabelledSample.load("seed-strong").sentences().stream().map(EstimatedTimings.Timed::text).toList());

    @Test
    void aTypedAnswerGetsNoDeliveryVerdict() {
        ScoredTranscript t = analyzer.analyzeWritten(text, "customer-obsession-above-and-beyond", Level.SDE2);
        assertTrue(t.written());
        assertTrue(t.rules().stream().noneMatch(r -> Check.delivery(r.id())), t.rules().toString());
        assertTrue(t.rules().stream().noneMatch(r -> r.message().contains("words a minute")));
        assertFalse(t.verdict().text().contains("words a minute"), t.verdict().text());
        assertTrue(t.score().parts().stream().noneMatch(p -> p.part().equals("delivery")), t.score().parts().toString());
        assertNotNull(t.score().note());
        assertTrue(t.score().note().contains("of the 85 points that apply"), t.score().note());
    }

    @Test
    void aTypedAnswerKeepsItsWordsAsWrittenAndCanBeScoredAgainFromThem() throws Exception {
        ScoredTranscript t = analyzer.analyzeWritten(text, "customer-obsession-above-and-beyond", Level.SDE2);
        assertTrue(t.words().stream().anyMatch(w -> "$8K".equals(w.shown())), "the writer's $8K is kept");
        assertTrue(t.words().stream().anyMatch(w -> "SDE2,".equals(w.shown())), "casing and punctuation are kept");
        ScoredTranscript back = new ObjectMapper().readValue(new ObjectMapper().writeValueAsString(t), ScoredTranscript.class);
        assertEquals(ScoredTranscript.Input.WRITTEN, back.input());
        assertEquals(t.score().total(), analyzer.analyzeWritten(Analyzer.writtenText(back), "customer-obsession-above-and-beyond", Level.SDE2).score().total());
    }

    @Test
    void aSpokenTranscriptKeepsItsDeliveryChecks() {
        ScoredTranscript t = analyzer.analyze(EstimatedTimings.words(text), "customer-obsession-above-and-beyond", Level.SDE2);
        assertFalse(t.written());
        assertEquals(3, t.rules().stream().filter(r -> Check.delivery(r.id())).count());
    }
}
