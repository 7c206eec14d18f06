package dev.starpace.engine.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starpace.engine.Level;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class InterviewPickerTest {
    private static final QuestionBank BANK = QuestionBank.builtIn();

    @Test
    void eachQuestionIsOfAnotherPrincipleAndWrittenForTheLevel() {
        for (Level level : Level.values()) {
            for (int seed = 0; seed < 20; seed++) {
                List<Card> picked = InterviewPicker.pick(BANK, level, InterviewPicker.MOST, new Random(seed));
                assertEquals(InterviewPicker.MOST, picked.size());
                assertEquals(InterviewPicker.MOST, picked.stream().map(Card::lp).distinct().count(), "five principles: " + picked);
                for (Card c : picked) {
                    assertNotEquals(QuestionBank.DEFAULT_ID, c.id(), "the generic card is no principle's question");
                    assertTrue(c.levels() == null || c.levels().isEmpty() || c.levels().containsKey(level), c.id() + " at " + level);
                }
            }
        }
    }

    @Test
    void theQuestionsVaryFromOneInterviewToTheNext() {
        Set<List<String>> seen = new java.util.HashSet<>();
        for (int seed = 0; seed < 10; seed++) {
            seen.add(InterviewPicker.pick(BANK, Level.SDE2, 3, new Random(seed)).stream().map(Card::id).collect(Collectors.toList()));
        }
        assertTrue(seen.size() > 5, "ten interviews, " + seen.size() + " different sets of questions");
    }
}
