package dev.starpace.engine.habits;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.starpace.engine.Analyzer;
import dev.starpace.engine.Level;
import dev.starpace.engine.ScoredTranscript;
import dev.starpace.engine.bank.QuestionBank;
import dev.starpace.engine.transcript.Word;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordHabitsTest {

    /** Words 0.2 s apart; a "|" starts a sentence after a 0.5 s silence. */
    private static List<Word> spoken(String text) {
        List<Word> words = new ArrayList<>();
        double t = 0;
        for (String w : text.split(" ")) {
            if (w.equals("|")) {
                t += 0.5;
                continue;
            }
            words.add(new Word(w, t, t + 0.2, 1.0));
            t += 0.2;
        }
        return words;
    }

    @Test
    void countsOpenersAfterASilenceHedgesAndTheWordsLeanedOn() {
        WordHabits h = WordHabits.of(spoken("so i think the cache was slow | so i profiled the cache | so maybe the cache"
            + " | and then i fixed it so it was fast | so i think it worked"), List.of("um", "Um", "you know"));
        assertEquals(List.of(new WordHabits.Count("so", 4)), h.openers(), "the mid-sentence 'so' is not an opener");
        assertEquals(List.of(new WordHabits.Count("i think", 2), new WordHabits.Count("maybe", 1)), h.hedges());
        assertEquals(List.of(new WordHabits.Count("cache", 3)), h.mostUsed(), "common words and words said twice are left out");
        assertEquals(List.of(new WordHabits.Count("um", 2), new WordHabits.Count("you know", 1)), h.fillers());
        assertEquals(List.of("Most used: cache ×3", "Sentences often start with: so ×4", "Hedges: i think ×2, maybe ×1"), h.sentences());
    }

    @Test
    void aScoredAnswerCarriesItsHabitsAndOneKeptBeforeThemGetsThemOnReading() throws Exception {
        ScoredTranscript t = new Analyzer(QuestionBank.builtIn()).analyzeWritten("So I rebuilt the deploy pipeline. So the deploy "
            + "got faster. So I think every deploy now takes minutes.", "customer-obsession-above-and-beyond", Level.SDE2);
        assertEquals(new WordHabits.Count("deploy", 3), t.habits().mostUsed().get(0));
        ObjectMapper json = new ObjectMapper();
        ObjectNode old = json.valueToTree(t);
        old.remove("habits");
        assertEquals(t.habits(), json.treeToValue(old, ScoredTranscript.class).habits());
    }
}
