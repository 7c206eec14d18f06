package dev.starpace.benchmarks;

import dev.starpace.engine.Phase;
import dev.starpace.engine.bank.Card;
import dev.starpace.engine.bank.QuestionBank;
import dev.starpace.engine.transcript.EstimatedTimings;
import dev.starpace.engine.transcript.Word;
import java.util.ArrayList;
import java.util.List;

/** Timed transcripts of any length, made by telling the seed card's strong answer again and again. */
final class Transcripts {
    static final Card SEED = QuestionBank.builtIn().get("customer-obsession-above-and-beyond");

    private Transcripts() {
    }

    static List<Word> ofLength(int count) {
        List<String> sentences = new ArrayList<>();
        for (Phase p : Phase.values()) {
            sentences.addAll(List.of(SEED.phase(p).strongExample().split("(?<=[.!?])\\s+")));
        }
        List<Word> answer = EstimatedTimings.sentences(sentences, 0).stream().flatMap(s -> s.words().stream()).toList();
        double length = answer.get(answer.size() - 1).end() + 1.0;
        List<Word> out = new ArrayList<>(count);
        for (int repeat = 0; out.size() < count; repeat++) {
            for (Word w : answer) {
                if (out.size() == count) {
                    break;
                }
                out.add(new Word(w.word(), w.start() + repeat * length, w.end() + repeat * length));
            }
        }
        return out;
    }
}
