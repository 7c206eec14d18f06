package dev.starpace.engine;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.starpace.engine.delivery.Delivery;
import dev.starpace.engine.habits.WordHabits;
import dev.starpace.engine.rules.Evidence;
import dev.starpace.engine.rules.RuleResult;
import dev.starpace.engine.score.Score;
import dev.starpace.engine.score.Verdict;
import dev.starpace.engine.timing.Budget;
import dev.starpace.engine.timing.PhaseTiming;
import dev.starpace.engine.transcript.Word;
import java.util.List;
import java.util.Locale;

/**
 * The scored transcript: StarPace's public output contract, documented in docs/scored-transcript.md.
 * Other tools read it, so fields are only ever added, never renamed or removed, within a schema version.
 */
@JsonPropertyOrder({"schema", "question", "level", "input", "durationSeconds", "words", "phases", "budget", "rules",
    "delivery", "habits", "score", "verdict"})
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
    Verdict verdict,
    Input input,
    WordHabits habits) {

    public static final String SCHEMA = "starpace.scored-transcript/1";

    /** How the answer came: spoken (a recording or a timed transcript) or written (typed: no delivery is judged). */
    public enum Input {
        SPOKEN, WRITTEN;

        @JsonValue
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Input parse(String text) {
            return WRITTEN.id().equals(text) ? WRITTEN : SPOKEN;
        }
    }

    public ScoredTranscript {
        if (input == null) {
            input = Input.SPOKEN;   // a transcript written before input existed was scored as spoken
        }
        if (habits == null) {
            habits = habitsOf(words, delivery);   // one kept before habits existed: counted from its words now
        }
    }

    public ScoredTranscript(String schema, Question question, Level level, double durationSeconds, List<ScoredWord> words,
                            List<PhaseTiming> phases, Budget budget, List<RuleResult> rules, Delivery delivery,
                            Score score, Verdict verdict, Input input) {
        this(schema, question, level, durationSeconds, words, phases, budget, rules, delivery, score, verdict, input,
            habitsOf(words, delivery));
    }

    private static WordHabits habitsOf(List<ScoredWord> words, Delivery delivery) {
        if (words == null) {
            return WordHabits.empty();
        }
        List<String> fillers = delivery == null || delivery.fillers() == null ? List.of()
            : delivery.fillers().items().stream().map(Evidence::text).toList();
        return WordHabits.of(words.stream().map(w -> new Word(w.word(), w.start(), w.end(), w.conf())).toList(), fillers);
    }

    public boolean written() {
        return input == Input.WRITTEN;
    }

    /** Which card the answer was scored against. */
    public record Question(String id, String lp, String text) {
    }

    /**
     * A word with its time, the phase it was heard in and the recognizer's confidence (1.0 when unknown); in a written
     * answer, {@code shown} is the writer's token it came from (on the token's first word only), to display as written.
     */
    public record ScoredWord(String word, double start, double end, Phase phase, Double conf,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String shown) {
        public ScoredWord {
            if (conf == null) {
                conf = 1.0;   // a transcript written before words carried it: trusted, as it was scored then
            }
        }

        public ScoredWord(String word, double start, double end, Phase phase, Double conf) {
            this(word, start, end, phase, conf, null);
        }

        public ScoredWord(String word, double start, double end, Phase phase) {
            this(word, start, end, phase, 1.0, null);
        }
    }
}
