package dev.starpace.engine.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.starpace.engine.transcript.Word;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Held fillers the recognizer wrote as words, in timings Vosk gave for festival's held fillers and real words. */
class HesitationsTest {
    @Test
    void aShortWordHeldIsTheFillerItWas() {
        assertEquals("so um i opened the logs", heard("so 0.3", "am 0.39 0.57", "i 0.12", "opened 0.4", "the 0.09", "logs 0.4"));
        assertEquals("from uh an old library", heard("from 0.4", "the 0.3 1.0", "an 0.15", "old 0.3", "library 0.5"));
        assertEquals("the export er has not failed", heard("the 0.1", "export 0.6", "there 0.33 0.84", "has 0.15", "not 0.27",
            "failed 0.4"));
        assertEquals("were er losing", heard("were 0.2", "your 0.51 0.44", "losing 0.4"));
    }

    @Test
    void theHumAfterAHeldVowelIsPartOfOneUm() {
        assertEquals("and um mm watched", heard("and 0.36", "ah 0.54 1.0", "i'm 0.24 0.61", "watched 0.33"));
        assertEquals("as um mm read", heard("as 0.17", "ah 0.51 0.61", "i'm 0.30 0.61", "read 0.3"));
    }

    @Test
    void wordsSaidAtTheirLengthStayWords() {
        assertEquals("i'm the one who reads the logs", heard("i'm 0.24 1.0", "the 0.12", "one 0.27", "who 0.21", "reads 0.33",
            "the 0.09", "logs 0.5"));
        assertEquals("i am not an expert", heard("i 0.18 0.67", "am 0.18 0.67", "not 0.24", "an 0.12", "expert 0.48"));
        // a real "I'm" said slowly and heard unsure, and a sure "our": words until held past 0.36 s
        assertEquals("i'm still a bit proud", heard("i'm 0.27 0.6", "still 0.27", "a 0.09", "bit 0.21", "proud 0.39"));
        assertEquals("i'm the owner", heard("i'm 0.30 0.84", "the 0.12", "owner 0.3"));
        // shorter than that, the grammar around it decides (Fillers counts "so am i opened", not "i am")
        assertEquals("so am i opened", heard("so 0.3", "am 0.3 0.57", "i 0.12", "opened 0.4"));
        assertEquals("the crash reports our", heard("the 0.09", "crash 0.33", "reports 0.5", "our 0.30 1.0"));
        assertEquals("an s l a that any request", heard("an 0.12", "s 0.2", "l 0.2", "a 0.30 1.0", "that 0.2", "any 0.2",
            "request 0.5"));
        assertEquals("orders just sat there", heard("orders 0.4", "just 0.2", "sat 0.3", "there 0.36 1.0"));
        assertEquals("a call at six am on a weekend", heard("a 0.06", "call 0.3", "at 0.12", "six 0.4", "am 0.45 1.0", "on 0.15",
            "a 0.06", "weekend 0.5"));
    }

    /** Words as "word seconds [confidence]", each right after the one before. */
    private static String heard(String... spec) {
        List<Word> words = new ArrayList<>();
        double t = 0;
        for (String s : spec) {
            String[] p = s.split(" ");
            double seconds = Double.parseDouble(p[1]);
            words.add(new Word(p[0], t, t + seconds, p.length > 2 ? Double.parseDouble(p[2]) : 1.0));
            t += seconds;
        }
        return String.join(" ", Hesitations.heard(words).stream().map(Word::word).toList());
    }
}
