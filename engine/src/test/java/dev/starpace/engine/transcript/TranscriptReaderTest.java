package dev.starpace.engine.transcript;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TranscriptReaderTest {
    @Test
    void readsAWordsDocument() {
        List<Word> words = TranscriptReader.read("{\"words\": [{\"word\": \"I\", \"start\": 0.5, \"end\": 0.7},"
            + " {\"word\": \"noticed\", \"start\": 0.7, \"end\": 1.1, \"conf\": 0.82}]}");
        assertEquals(List.of(new Word("i", 0.5, 0.7, 1.0), new Word("noticed", 0.7, 1.1, 0.82)), words);
    }

    @Test
    void readsOneVoskResultAndAListOfThem() {
        String one = "{\"result\": [{\"conf\": 1.0, \"end\": 0.51, \"start\": 0.27, \"word\": \"we\"}], \"text\": \"we\"}";
        assertEquals(1, TranscriptReader.read(one).size());
        String list = "[" + one + ", {\"text\": \"\"}, {\"result\": [{\"conf\": 0.9, \"end\": 2.0, \"start\": 1.5,"
            + " \"word\": \"shipped\"}], \"text\": \"shipped\"}]";
        List<Word> words = TranscriptReader.read(list);
        assertEquals(List.of("we", "shipped"), words.stream().map(Word::word).toList());
    }

    @Test
    void refusesWhatIsNotATimedTranscriptWithOneClearLine() {
        assertMessage("not JSON", "this is not json");
        assertMessage("no words in the transcript", "{\"words\": []}");
        assertMessage("no words: expected", "{\"something\": 1}");
        assertMessage("words[0]: a word needs", "{\"words\": [{\"word\": \"x\"}]}");
        assertMessage("words[0]: word 'x' has bad times", "{\"words\": [{\"word\": \"x\", \"start\": 2, \"end\": 1}]}");
        // a confidence is a probability (the second hostile pass found 1e400 shown as "Infinity" and -7 taken)
        assertMessage("words[0].conf: a confidence is between 0 and 1", "{\"words\": [{\"word\": \"x\", \"start\": 1, \"end\": 2, \"conf\": 1e400}]}");
        assertMessage("words[0].conf: a confidence is between 0 and 1, not -7", "{\"words\": [{\"word\": \"x\", \"start\": 1, \"end\": 2, \"conf\": -7}]}");
        assertMessage("out of time order at word 1", "{\"words\": [{\"word\": \"a\", \"start\": 2, \"end\": 3},"
            + " {\"word\": \"b\", \"start\": 1, \"end\": 1.5}]}");
        assertMessage("empty input", "");
    }

    private static void assertMessage(String expected, String json) {
        TranscriptException e = assertThrows(TranscriptException.class, () -> TranscriptReader.read(json));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }
}
