package dev.starpace.engine.transcript;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class WrittenAnswerTest {
    @Test
    void theWritersCasingPunctuationAndFiguresAreKeptForDisplay() {
        WrittenAnswer w = WrittenAnswer.of("The Platform team's service — not mine — recovered $8K a week.");
        assertEquals(EstimatedTimings.words(w.text()), w.words());
        List<String> shown = w.shown().stream().filter(Objects::nonNull).toList();
        assertEquals(List.of("The", "Platform", "team's", "service —", "not", "mine —", "recovered", "$8K", "a", "week."), shown);
        assertEquals(w.words().size(), w.shown().size());
    }
}
