package dev.starpace.engine.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.starpace.engine.Level;
import dev.starpace.engine.Phase;
import dev.starpace.engine.bank.QuestionBank;
import dev.starpace.engine.rules.Answer;
import dev.starpace.engine.rules.Evidence;
import dev.starpace.engine.transcript.Word;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeliveryAnalysisTest {
    private static final QuestionBank BANK = QuestionBank.builtIn();

    private static List<String> fillers(List<Word> words, List<Evidence> voiceWithNoWord) {
        Answer answer = new Answer(BANK.defaultCard(), Level.SDE2, words, Collections.nCopies(words.size(), Phase.ACTION));
        AudioDelivery audio = new AudioDelivery(null, null, null, null, voiceWithNoWord, null);
        return DeliveryAnalysis.of(answer, List.of(), audio).fillers().items().stream().map(Evidence::text).toList();
    }

    @Test
    void voiceWithNoWordIsAFillerUnlessItIsTheRestOfOneAlreadyCounted() {
        List<Word> words = List.of(new Word("we", 0.0, 0.2), new Word("uh", 0.3, 0.6), new Word("fixed", 1.2, 1.6),
            new Word("it", 1.6, 1.8));
        Evidence restOfTheUh = new Evidence(0.62, 0.9, "(voiced 0.28 s, no word recognised)");
        Evidence anotherUm = new Evidence(2.2, 2.6, "(voiced 0.4 s, no word recognised)");
        assertEquals(List.of("uh", anotherUm.text()), fillers(words, List.of(restOfTheUh, anotherUm)));
    }
}
