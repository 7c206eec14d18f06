package dev.starpace.engine.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LexiconTest {
    @Test
    void formsOfOneWordShareAStem() {
        assertEquals(Lexicon.stem("failed"), Lexicon.stem("failing"));
        assertEquals(Lexicon.stem("tests"), Lexicon.stem("tested"));
        assertEquals(Lexicon.stem("retries"), Lexicon.stem("retried"));
        assertEquals("retry", Lexicon.stem("retries"));
        assertEquals("bill", Lexicon.stem("billing"));
    }

    @Test
    void pastVerbsThatActAreToldApartFromStates() {
        assertTrue(Lexicon.isPastVerb("traced"));
        assertTrue(Lexicon.isPastVerb("rebuilt"));
        assertFalse(Lexicon.isPastVerb("hundred"));
        assertFalse(Lexicon.isPastVerb("detailed"));
        assertTrue(Lexicon.STATIVE_PAST.contains("noticed"));
        assertTrue(Lexicon.isPresentVerb("watch"));
        assertFalse(Lexicon.isPresentVerb("was"));
    }
}
