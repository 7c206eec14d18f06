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

    @Test
    void countsUmsTheRecognizerWroteAsWords() {
        assertFillers("so am i opened the logs", "am");
        assertFillers("we were i'm losing about or two hundred orders", "i'm", "or");
        assertFillers("so the of the alert fires", "of");
        assertFillers("so i'm this was my first year", "i'm");
    }

    @Test
    void anUmHeldBeforeTheNextWordIsOneEvenWhereIAmWouldFit() {
        List<String> words = SpokenText.words("i'm pulled a week of scans");
        double[] heldThenLetGo = {0.1, 0, 0, 0, 0, 0};
        assertEquals(List.of(new Fillers.Span(0, 1)), Fillers.find(words, heldThenLetGo));
        assertEquals(List.of(), Fillers.find(SpokenText.words("i'm proud of the fix"), new double[5]));
    }

    @Test
    void theSameWordsDoingRealWorkAreNotFillers() {
        assertFillers("i'm the kind of person who checks the logs first");
        assertFillers("i am still proud of that fix or at least of the test i wrote");
        assertFillers("i'm sure the team are glad it's fixed");
        assertFillers("at nine am we shipped a week or two later as of monday");
    }

    private static void assertFillers(String text, String... expected) {
        List<String> words = SpokenText.words(text);
        List<String> found = Fillers.find(words).stream()
            .map(s -> String.join(" ", words.subList(s.from(), s.to()))).toList();
        assertEquals(List.of(expected), found, text);
    }
}
