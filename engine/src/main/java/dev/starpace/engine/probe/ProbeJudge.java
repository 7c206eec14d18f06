package dev.starpace.engine.probe;

import dev.starpace.engine.Level;
import dev.starpace.engine.Phase;
import dev.starpace.engine.bank.Card;
import dev.starpace.engine.rules.ActionFirstPerson;
import dev.starpace.engine.rules.Answer;
import dev.starpace.engine.rules.Evidence;
import dev.starpace.engine.rules.NoDisqualifiers;
import dev.starpace.engine.rules.RuleResult;
import dev.starpace.engine.text.Lexicon;
import dev.starpace.engine.text.SpokenText;
import dev.starpace.engine.transcript.Word;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Judges a spoken answer to one of a card's follow-up probes against the card's weak and strong signals:
 * hand-off phrases and "we" language mark a weak answer; sharing the strong answer's ideas (its content words
 * and key line) more than the weak one's marks a strong one.
 */
public final class ProbeJudge {
    private ProbeJudge() {
    }

    public static ProbeVerdict judge(Card card, int index, List<Word> words) {
        List<Card.Probe> probes = FindingProbes.all(card);
        if (index < 0 || index >= probes.size()) {
            throw new IllegalArgumentException("card " + card.id() + " has no probe " + index);
        }
        Card.Probe probe = probes.get(index);
        if (words.isEmpty()) {
            return new ProbeVerdict(index, probe.question(), ProbeVerdict.WEAK, List.of("No answer heard."), List.of(), List.of(),
                probe.strong().keyLine());
        }
        Map<String, String> said = stems(words.stream().map(Word::word).toList());
        String strongText = probe.strong().answer() + " " + (probe.strong().keyLine() == null ? "" : probe.strong().keyLine());
        List<String> sharedStrong = shared(said, SpokenText.words(strongText));
        List<String> sharedWeak = shared(said, SpokenText.words(probe.weak().answer()));

        List<Phase> asAction = Collections.nCopies(words.size(), Phase.ACTION);
        Answer answer = new Answer(card, Level.SDE2, words, asAction);
        RuleResult handOff = new NoDisqualifiers(card).check(answer);
        RuleResult firstPerson = new ActionFirstPerson().check(answer);

        List<String> reasons = new ArrayList<>();
        boolean weak = false;
        if (!handOff.passed()) {
            weak = true;
            reasons.add("Hands the problem off: \"" + handOff.evidence().stream().map(Evidence::text).findFirst().orElse("") + "\".");
        }
        if (!firstPerson.passed()) {
            weak = true;
            reasons.add("Says \"we\" or \"they\" where the interviewer wants what you did.");
        }
        if (sharedWeak.size() > sharedStrong.size()) {
            weak = true;
            reasons.add("Sounds like the weak answer (" + String.join(", ", sharedWeak.stream().limit(4).toList()) + ").");
        }
        boolean strong = !weak && sharedStrong.size() >= 3;
        if (strong) {
            reasons.add("Carries the strong answer's ideas (" + String.join(", ", sharedStrong.stream().limit(5).toList()) + ").");
        } else if (!weak) {
            reasons.add("Owned, but thin: bring the strong answer's point — " + probe.strong().keyLine());
        }
        String verdict = weak ? ProbeVerdict.WEAK : strong ? ProbeVerdict.STRONG : ProbeVerdict.MIXED;
        return new ProbeVerdict(index, probe.question(), verdict, reasons, sharedStrong, sharedWeak, probe.strong().keyLine());
    }

    /** Content words by their stem, each kept as first said, so reasons quote words and not stems. */
    static Map<String, String> stems(List<String> words) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String w : words) {
            if (w.length() >= 4 && !Lexicon.STOPWORDS.contains(w)) {
                out.putIfAbsent(Lexicon.stem(w), w);
            }
        }
        return out;
    }

    /** The reference's content words that the answer shares, as the candidate said them. */
    private static List<String> shared(Map<String, String> said, List<String> reference) {
        List<String> out = new ArrayList<>();
        for (String s : stems(reference).keySet()) {
            if (said.containsKey(s)) {
                out.add(said.get(s));
            }
        }
        return out;
    }
}
