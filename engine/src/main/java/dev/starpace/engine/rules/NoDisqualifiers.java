package dev.starpace.engine.rules;

import dev.starpace.engine.bank.Card;
import dev.starpace.engine.text.PhraseTrie;
import dev.starpace.engine.text.SpokenText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * No hand-off phrases: the speaker escalating and others fixing ("I escalated and they handled it"),
 * ownership assigned by a manager ("my manager suggested I look into it"), a message in place of a fix
 * ("I sent them a Slack message"), plus the card's own disqualifier phrases. Each finding's evidence runs
 * from the phrase to the end of its clause.
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

    public NoDisqualifiers(Card card) {
        STANDARD.copyInto(phrases);
        if (card.rules().disqualifierPhrases() != null) {
            card.rules().disqualifierPhrases().forEach(p ->
                phrases.add(SpokenText.words(p).toArray(String[]::new), "the card's disqualifier \"" + p + "\""));
        }
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public RuleResult check(Answer answer) {
        List<int[]> spans = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        List<PhraseTrie.Hit<String>> hits = new ArrayList<>(answer.find(phrases));
        hits.sort(Comparator.comparingInt(PhraseTrie.Hit::from));
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
        List<Evidence> evidence = spans.stream().map(s -> answer.evidence(s[0], s[1])).toList();
        if (evidence.isEmpty()) {
            return RuleResult.pass(ID, 0, "No hand-off phrases: the ownership stays with you.", List.of());
        }
        return RuleResult.fail(ID, evidence.size(), "Hand-off " + (evidence.size() == 1 ? "phrase" : "phrases") + " ("
            + String.join("; ", reasons.stream().distinct().toList()) + "): say what you did to fix it, not who you passed it to.",
            evidence);
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
