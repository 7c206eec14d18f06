package dev.starpace.engine.transcript;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EstimatedTimingsTest {
    @Test
    void wordsFollowEachOtherWithLongerPausesBetweenSentences() {
        List<Word> words = EstimatedTimings.words("I fixed it, quickly. Then I left.");
        assertEquals(List.of("i", "fixed", "it", "quickly", "then", "i", "left"), words.stream().map(Word::word).toList());
        double comma = words.get(3).start() - words.get(2).end();
        double sentence = words.get(4).start() - words.get(3).end();
        assertEquals(EstimatedTimings.COMMA_PAUSE, comma, 1e-6);
        assertEquals(EstimatedTimings.SENTENCE_PAUSE, sentence, 1e-6);
        for (int i = 1; i < words.size(); i++) {
            assertTrue(words.get(i).start() >= words.get(i - 1).end());
        }
    }

    @Test
    void longerWordsTakeLonger() {
        List<Word> words = EstimatedTimings.words("fixed serialization");
        assertTrue(words.get(1).duration() > 3 * words.get(0).duration());
    }
}
