package dev.starpace.engine.rules;

import dev.starpace.engine.Phase;
import dev.starpace.engine.bank.Card;
import dev.starpace.engine.text.PhraseTrie;
import dev.starpace.engine.text.SpokenText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * No hand-offs: the speaker escalating and others fixing ("I escalated and they handled it"), ownership assigned by a
 * manager ("my manager suggested I look into it"), a message in place of a fix ("I sent them a Slack message"), another
 * person doing the step that mattered. Whether a unit of speech hands off is {@link HandOffJudge}'s call, learned from
 * labelled answers over its sentence vector and whether a hand-off phrase (below, plus the card's own) is in it: the
 * phrases alone also flag the right escalation ("I escalated to the security on-call right away") and miss hand-offs
 * in other words ("the tech writer rewrote most of it"). Each finding's evidence is the phrase to the end of its
 * clause, else the unit.
 */
public final class NoDisqualifiers implements Rule {
    public static final String ID = "no-disqualifiers";
    static final int CLAUSE_WORDS = 8;
    static final double CLAUSE_PAUSE = 0.3;

    private static final String REPORTED = "told|informed|notified|pinged|messaged|emailed|alerted|warned";
    private static final String OTHERS = "they|he|she|the|their|his|her";
    private static final String FIXED = "handled|fixed|resolved|solved|sorted|addressed";

    private static final PhraseTrie<String> STANDARD = new PhraseTrie<String>()
        .add("i|we escalated|escalate", "escalated instead of fixing")
        .add("i|we " + REPORTED + " them|him|her|it about", "reported it and stepped back")
        .add("i|we " + REPORTED + " #any team|lead|manager about", "reported it and stepped back")
        .add("i|we " + REPORTED + " #any #any team|lead|manager about", "reported it and stepped back")
        .add("i|we " + REPORTED + " #any #any #any team|lead|manager about", "reported it and stepped back")
        .add("i|we sent|posted|dropped|left them|him|her|a|an slack|email|message|note|ticket", "a message in place of a fix")
        .add("i|we sent|posted|dropped|left them|him|her a|an slack|email|message|note", "a message in place of a fix")
        .add("they|he|she " + FIXED + " it|this|that|the", "someone else fixed it")
        .add("they|he|she looked|look into", "someone else fixed it")
        .add("they|he|she took care|over", "someone else fixed it")
        .add("they|he|she dealt with", "someone else fixed it")
        .add("the|their #any team " + FIXED + " it|this|that", "someone else fixed it")
        .add(OTHERS + " handled it", "someone else fixed it")
        .add("i|we passed|handed|forwarded|routed|delegated|tossed|threw it|this|that|them over|off|to", "handed it off")
        .add("i|we passed|handed|forwarded|routed|delegated|tossed|threw the #any|issue|problem|bug|ticket over|off|to", "handed it off")
        .add("i|we let #any know", "reported it and stepped back")
        .add("i|we let #any #any know", "reported it and stepped back")
        .add("i|we let #any #any #any know", "reported it and stepped back")
        .add("i|we " + REPORTED + " #any on|via|over|in slack|email|chat|teams", "a message in place of a fix")
        .add("i|we " + REPORTED + " #any #any on|via|over|in slack|email|chat|teams", "a message in place of a fix")
        .add("they|he|she took|take it from there", "someone else fixed it")
        .add("and waited", "waited instead of acting")
        .add("and waited|wait for|until", "waited instead of acting")
        .add("waited for them|him|her|the|their", "waited instead of acting")
        .add("assigned|tasked|given by my|our|the manager|lead|boss|director", "ownership was assigned")
        .add("assigned|tasked|given #any by my|our|the manager|lead|boss|director", "ownership was assigned")
        .add("assigned|tasked|given #any #any by my|our|the manager|lead|boss|director", "ownership was assigned")
        .add("my|our manager|lead|boss|director|supervisor suggested|asked|told|assigned|wanted|made", "ownership was assigned")
        .add("my|our tech|team|engineering manager|lead suggested|asked|told|assigned|wanted|made", "ownership was assigned");

    private final PhraseTrie<String> phrases = new PhraseTrie<>();
    /** The card's own disqualifiers: its author's call, so they fail an answer whatever the judge says. */
    private final PhraseTrie<String> cardPhrases = new PhraseTrie<>();
    private final HandOffJudge judge;

    /** The rule with the shipped hand-off model. */
    public NoDisqualifiers(Card card) {
        this(card, HandOffJudge.builtIn());
    }

    public NoDisqualifiers(Card card, HandOffJudge judge) {
        this.judge = judge;
        STANDARD.copyInto(phrases);
        if (card.rules().disqualifierPhrases() != null) {
            card.rules().disqualifierPhrases().forEach(p -> {
                String[] words = SpokenText.words(p).toArray(String[]::new);
                phrases.add(words, "the card's disqualifier \"" + p + "\"");
                cardPhrases.add(words, "the card's disqualifier \"" + p + "\"");
            });
        }
    }

    @Override
    public String id() {
        return ID;
    }

    /** The hand-off phrases heard, in order. */
    public List<PhraseTrie.Hit<String>> phrases(Answer answer) {
        List<PhraseTrie.Hit<String>> hits = new ArrayList<>(answer.find(phrases));
        hits.sort(Comparator.comparingInt(PhraseTrie.Hit::from));
        return hits;
    }

    /** Where a hand-off phrase starts, per word: one of the judge's measures. */
    public boolean[] phraseStarts(Answer answer) {
        boolean[] at = new boolean[answer.size()];
        phrases(answer).forEach(h -> at[h.from()] = true);
        return at;
    }

    // No margin(): the hand-off judge has no held-out measure of its close calls (CloseCallTest's), and with the Action and
    // reflection judges' band it made 47 % of the hand-off verdicts at 15 dB unclear; its verdicts stand on a poor
    // recording unless they turn on unsure words.

    @Override
    public RuleResult check(Answer answer) {
        List<HandOffJudge.Scored> handing = handing(answer);
        List<int[]> spans = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        List<PhraseTrie.Hit<String>> card = answer.find(cardPhrases);
        List<PhraseTrie.Hit<String>> hits = phrases(answer).stream()
            .filter(h -> card.stream().anyMatch(c -> c.from() == h.from())
                || handing.stream().anyMatch(u -> h.from() >= u.from() && h.from() < u.to())).toList();
        for (PhraseTrie.Hit<String> hit : hits) {
            int end = clauseEnd(answer, hit.to());
            int[] last = spans.isEmpty() ? null : spans.get(spans.size() - 1);
            if (last != null && hit.from() < last[1]) {
                last[1] = Math.max(last[1], end);
            } else {
                spans.add(new int[] {hit.from(), end});
                reasons.add(hit.value());
            }
        }
        for (HandOffJudge.Scored u : handing) {
            if (hits.stream().noneMatch(h -> h.from() >= u.from() && h.from() < u.to())) {
                spans.add(new int[] {u.from(), u.to()});   // a hand-off in words no phrase holds
                reasons.add("someone else did the step that mattered");
            }
        }
        spans.sort(Comparator.comparingInt(s -> s[0]));
        List<Evidence> evidence = spans.stream().map(s -> answer.evidence(s[0], s[1])).toList();
        if (evidence.isEmpty()) {
            return RuleResult.pass(ID, 0, "No hand-off phrases: the ownership stays with you.", List.of());
        }
        return RuleResult.fail(ID, evidence.size(), "Hand-off " + (evidence.size() == 1 ? "phrase" : "phrases") + " ("
            + String.join("; ", reasons.stream().distinct().toList()) + "): say what you did to fix it, not who you passed it to.",
            evidence);
    }

    /**
     * The units the judge calls hand-offs: any with a hand-off phrase in it, and, in words no phrase holds, only in the
     * Action, where the steps are told (elsewhere other people acting is the setting or the outcome: "her manager told
     * me the team now goes to her").
     */
    private List<HandOffJudge.Scored> handing(Answer answer) {
        boolean[] starts = phraseStarts(answer);
        return judge.score(answer, starts).stream().filter(u -> u.probability() >= 0.5).filter(u -> {
            for (int i = u.from(); i < u.to(); i++) {
                if (starts[i] || answer.phases().get(i) == Phase.ACTION) {
                    return true;
                }
            }
            return false;
        }).toList();
    }

    /** Where the clause that starts a finding ends: at a pause, or a few words on. */
    private static int clauseEnd(Answer answer, int to) {
        int end = to;
        while (end < answer.size() && end - to < CLAUSE_WORDS && answer.gapBefore(end) < CLAUSE_PAUSE) {
            end++;
        }
        return end;
    }
}
