package dev.starpace.engine.probe;

import dev.starpace.engine.Phase;
import dev.starpace.engine.bank.Card;
import dev.starpace.engine.text.SpokenText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders a card's follow-up probes for the answer just given. A probe that names details of the card's own
 * example story ("the Platform team", "your fix") fits only if the candidate's answer has them too; probes
 * that fit come first, and the others are marked as the card's, so the interviewer says so when asking.
 */
public final class ProbePicker {
    /** Below this share of the story's details heard in the answer, a probe is the card's rather than the candidate's. */
    static final double FITS = 0.5;

    /** Words any interviewer's follow-up uses, whatever the story: they are not the card's details. */
    private static final Set<String> INTERVIEWER_WORDS = ProbeJudge.stems(List.of("issue", "issues", "problem", "resolved",
        "resolve", "differently", "faced", "again", "decide", "ensure", "verify", "actually", "responsibility", "team",
        "team's", "even", "though", "customer", "customers", "work", "happened", "learn", "learned")).keySet();

    private ProbePicker() {
    }

    /** One probe in the order to ask it: its index in the card, the question, how well it fits, whose story it assumes. */
    public record Pick(int index, String question, double fit, boolean fromCardStory) {
    }

    public static List<Pick> order(Card card, List<String> answerWords) {
        if (card.probes() == null) {
            return List.of();
        }
        Set<String> story = ProbeJudge.stems(SpokenText.words(storyText(card))).keySet();
        Map<String, String> said = ProbeJudge.stems(answerWords);
        List<Pick> out = new ArrayList<>();
        for (int i = 0; i < card.probes().size(); i++) {
            String question = card.probes().get(i).question();
            List<String> details = ProbeJudge.stems(SpokenText.words(question)).keySet().stream()
                .filter(w -> story.contains(w) && !INTERVIEWER_WORDS.contains(w)).toList();
            double fit = details.isEmpty() ? 1 : details.stream().filter(said::containsKey).count() / (double) details.size();
            out.add(new Pick(i, question, Math.round(fit * 100) / 100.0, fit < FITS));
        }
        out.sort(Comparator.comparing(Pick::fromCardStory));
        return out;
    }

    private static String storyText(Card card) {
        StringBuilder b = new StringBuilder();
        if (card.scenario() != null) {
            b.append(card.scenario().overview()).append(' ').append(card.scenario().summary()).append(' ');
        }
        for (Phase p : Phase.values()) {
            if (card.phase(p).strongExample() != null) {
                b.append(card.phase(p).strongExample()).append(' ');
            }
        }
        return b.toString();
    }
}
