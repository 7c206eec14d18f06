package dev.starpace.engine.rules;

import dev.starpace.engine.Level;
import dev.starpace.engine.Phase;
import dev.starpace.engine.bank.Card;
import dev.starpace.engine.bank.QuestionBank;
import dev.starpace.engine.transcript.EstimatedTimings;
import dev.starpace.engine.transcript.Word;
import java.util.ArrayList;
import java.util.List;

/** Builds answers with known phases for rule tests: "S: text", "A: text" lines, spoken as Vosk writes them. */
public final class Answers {
    static final Card SEED = QuestionBank.builtIn().get("customer-obsession-above-and-beyond");

    private Answers() {
    }

    public static Answer of(String... phaseLines) {
        List<String> texts = new ArrayList<>();
        List<Phase> phases = new ArrayList<>();
        for (String line : phaseLines) {
            phases.add(Phase.parse(line.substring(0, 1)));
            texts.add(line.substring(2).trim());
        }
        List<Word> words = new ArrayList<>();
        List<Phase> labels = new ArrayList<>();
        List<EstimatedTimings.Timed> timed = EstimatedTimings.sentences(texts, 0);
        for (int i = 0; i < timed.size(); i++) {
            for (Word w : timed.get(i).words()) {
                words.add(w);
                labels.add(phases.get(i));
            }
        }
        return new Answer(SEED, Level.SDE2, words, labels);
    }

    /** The same answer with the recognizer unsure of the given words (each one's every occurrence). */
    static Answer unsureOf(Answer answer, double conf, String... heard) {
        List<String> unsure = List.of(heard);
        List<Word> words = answer.words().stream()
            .map(w -> unsure.contains(w.word()) ? new Word(w.word(), w.start(), w.end(), conf) : w).toList();
        return new Answer(answer.card(), answer.level(), words, answer.phases());
    }
}
