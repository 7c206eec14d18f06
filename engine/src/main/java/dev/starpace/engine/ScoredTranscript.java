package dev.starpace.engine;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.starpace.engine.delivery.Delivery;
import dev.starpace.engine.rules.RuleResult;
import dev.starpace.engine.score.Score;
import dev.starpace.engine.score.Verdict;
import dev.starpace.engine.timing.Budget;
import dev.starpace.engine.timing.PhaseTiming;
import java.util.List;

/**
 * The scored transcript: StarPace's public output contract, documented in docs/scored-transcript.md.
 * Other tools read it, so fields are only ever added, never renamed or removed, within a schema version.
 */
@JsonPropertyOrder({"schema", "question", "level", "durationSeconds", "words", "phases", "budget", "rules",
    "delivery", "score", "verdict"})
public record ScoredTranscript(
    String schema,
    Question question,
    Level level,
    double durationSeconds,
    List<ScoredWord> words,
    List<PhaseTiming> phases,
    Budget budget,
    List<RuleResult> rules,
    Delivery delivery,
    Score score,
    Verdict verdict) {

    public static final String SCHEMA = "starpace.scored-transcript/1";

    /** Which card the answer was scored against. */
    public record Question(String id, String lp, String text) {
    }

    /** A word with its time, the phase it was heard in and the recognizer's confidence (1.0 when unknown). */
    public record ScoredWord(String word, double start, double end, Phase phase, Double conf) {
        public ScoredWord {
            if (conf == null) {
                conf = 1.0;   // a transcript written before words carried it: trusted, as it was scored then
            }
        }

        public ScoredWord(String word, double start, double end, Phase phase) {
            this(word, start, end, phase, 1.0);
        }
    }
}
