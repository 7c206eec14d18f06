package dev.starpace.engine.samples;

import dev.starpace.engine.ScoredTranscript;
import dev.starpace.engine.bank.Card;
import dev.starpace.engine.bank.QuestionBank;
import dev.starpace.engine.rules.Answer;
import dev.starpace.engine.rules.RuleResult;
import dev.starpace.engine.rules.RuleSet;
import dev.starpace.engine.rules.train.RuleMeasure;
import java.util.List;

/** Picks the card a sample answers, and runs every content rule on it whatever the card applies. */
final class SampleCards {
    private SampleCards() {
    }

    static Card cardFor(QuestionBank bank, LabelledSample sample) {
        if (sample.id().startsWith("seed")) {
            return bank.get("customer-obsession-above-and-beyond");
        }
        String lp = sample.lp().split(";")[0].trim();
        return bank.cards().stream().filter(c -> c.lp().equalsIgnoreCase(lp)).findFirst().orElse(bank.defaultCard());
    }

    /** The card of an answer's first LP (the default card when none has it), with every content rule applied. */
    static Card everythingFor(QuestionBank bank, String lps) {
        return RuleMeasure.everythingFor(bank, lps);
    }

    /** The card with every content rule applied. */
    static Card everything(Card card) {
        return RuleMeasure.everything(card);
    }

    /** One content rule's result on a scored answer, run even when the card does not apply it. */
    static RuleResult allRules(Card card, ScoredTranscript scored, String id) {
        Card everything = everything(card);
        Answer answer = new Answer(everything, scored.level(),
            scored.words().stream().map(w -> new dev.starpace.engine.transcript.Word(w.word(), w.start(), w.end())).toList(),
            scored.words().stream().map(ScoredTranscript.ScoredWord::phase).toList());
        return RuleSet.forCard(everything).stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow().check(answer);
    }
}
