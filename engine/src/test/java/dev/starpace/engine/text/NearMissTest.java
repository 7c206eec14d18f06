package dev.starpace.engine.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class NearMissTest {
    @Test
    void aWordThatSoundsAndIsSpelledAlikeIsNear() {
        assertTrue(NearMiss.near("teams", "team's", false));
        assertTrue(NearMiss.near("escalate", "escalated", true));
    }

    @Test
    void wordsThatOnlySoundAlikeAreNearOnlyWhenTheRecognizerWasUnsure() {
        // both found in clean answers as "and added", "and without" by sound alone
        assertFalse(NearMiss.near("added", "waited", false));
        assertFalse(NearMiss.near("without", "waited", false));
        assertTrue(NearMiss.near("taxed", "tasked", true));
        assertFalse(NearMiss.near("taxed", "tasked", false));
    }

    @Test
    void shortWordsAndTheWordItselfAreNeverNear() {
        assertFalse(NearMiss.near("me", "my", true));
        assertFalse(NearMiss.near("team", "team", true));
    }

    @Test
    void aPhraseMatchesThroughOneSlipAndAOneWordPatternThroughNone() {
        PhraseTrie<String> trie = new PhraseTrie<String>().add("nobody had tasked", "scope").add("tasked", "one word");
        List<String> heard = List.of("nobody", "had", "taxed", "me");
        List<PhraseTrie.Hit<String>> hits = trie.findAll(heard, (pos, w, expected) -> NearMiss.near(w, expected, pos == 2));
        assertEquals(List.of(new PhraseTrie.Hit<>(0, 3, "scope", 1)), hits);
        assertTrue(trie.findAll(heard).isEmpty());
        assertTrue(trie.findAll(List.of("nobody", "and", "taxed"), (pos, w, expected) -> NearMiss.near(w, expected, true)).isEmpty(),
            "one slip at most");
    }
}
