package dev.starpace.engine.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.starpace.engine.text.SpokenText;
import java.util.List;
import org.junit.jupiter.api.Test;

class FillersTest {
    @Test
    void countsFillersButNotTheSameWordsDoingRealWork() {
        assertFillers("so um this was my first year and uh it was like every single person", "um", "uh", "like");
        assertFillers("we basically went through it and you know watched the dashboard", "basically", "you know");
        assertFillers("testing is like super important", "like");
        assertFillers("we like went through cost explorer", "like");
        assertFillers("i'd like to add that it looks like a race and i like the fix");
        assertFillers("do you know what kind of queue it was");
        assertFillers("you know what i mean it was kind of slow", "kind of");
    }

    private static void assertFillers(String text, String... expected) {
        List<String> words = SpokenText.words(text);
        List<String> found = Fillers.find(words).stream()
            .map(s -> String.join(" ", words.subList(s.from(), s.to()))).toList();
        assertEquals(List.of(expected), found, text);
    }
}
