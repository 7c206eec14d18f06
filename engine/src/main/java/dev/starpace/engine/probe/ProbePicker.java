package dev.starpace.engine.probe;

import dev.starpace.engine.Phase;
import dev.starpace.engine.ScoredTranscript;
import dev.starpace.engine.bank.Card;
import dev.starpace.engine.rules.ActionFirstPerson;
import dev.starpace.engine.rules.Answer;
import dev.starpace.engine.rules.CloseCall;
import dev.starpace.engine.rules.Evidence;
import dev.starpace.engine.rules.NoDisqualifiers;
import dev.starpace.engine.rules.ReflectionSpecific;
import dev.starpace.engine.rules.ResultQuantified;
import dev.starpace.engine.rules.RuleResult;
import dev.starpace.engine.rules.TaskScopeBoundary;
import dev.starpace.engine.text.SpokenText;
import dev.starpace.engine.transcript.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Chooses the follow-ups for the answer just given, in the order to ask them: first what it left out or handed off
 * (a hand-off, "we" in the Action, no scope, no number, a vague reflection), then what it said worth pressing on (its
 * number, someone it named), then the card's own probes whose premise holds for this answer. A probe that assumes the
 * card's example story ("the Platform team", "your fix") is asked only when the answer has those details too, and one
 * that assumes the scope was stated only when it was. A check that is unclear on the recording asks nothing.
 */
public final class ProbePicker {
    /** At most this many follow-ups: an interviewer's time after one answer. */
    static final int MOST = 5;
    private static final int QUOTE_WORDS = 8;

    /** Words any interviewer's follow-up uses, whatever the story: they are not the card's details. */
    private static final Set<String> INTERVIEWER_WORDS = ProbeJudge.stems(List.of("issue", "issues", "problem", "resolved",
        "resolve", "differently", "faced", "again", "decide", "ensure", "verify", "actually", "responsibility", "team",
        "team's", "even", "though", "customer", "customers", "work", "happened", "learn", "learned")).keySet();
    /** A card probe that takes it as said that the work was outside the candidate's remit. */
    private static final Pattern ASSUMES_SCOPE = Pattern.compile("(?i)responsib|wasn.t your|not your|outside your|beyond your");
    /** Someone else the answer names: another team, a manager or lead, a customer. */
    private static final Pattern STAKEHOLDER = Pattern.compile("\\b(my (?:manager|lead|director|skip level|tech lead|product manager)"
        + "|(?:the|their|our) (?:tech lead|team lead|product manager|project manager|engineering manager|director|vp|customer|client|vendor)"
        + "|the (?!same |whole |entire |other |new |old |team\\b)[a-z']+ (?:[a-z']+ )?team)\\b");

    private ProbePicker() {
    }

    /**
     * One follow-up in the order to ask it: the probe it is judged as ({@link ProbeJudge}: the card's, then
     * {@link FindingProbes}), the question as asked (quoting the answer where it presses on something said), what it
     * takes for granted, and the answer's words it quotes (null when none).
     */
    public record Pick(int index, String question, Premise premise, String quote) {
    }

    /** The follow-ups for a scored answer; with none (nothing was heard), the card's probes that assume nothing. */
    public static List<Pick> order(Card card, ScoredTranscript answer) {
        List<Pick> out = new ArrayList<>();
        Map<String, RuleResult> rules = answer == null ? Map.of()
            : answer.rules().stream().collect(Collectors.toMap(RuleResult::id, r -> r, (a, b) -> a));
        List<String> said = answer == null ? List.of() : answer.words().stream().map(ScoredTranscript.ScoredWord::word).toList();
        // "after you raised it" takes it that you did: a hand-off told of someone else ("my lead asked me to") is not asked about
        failed(rules, NoDisqualifiers.ID).flatMap(ProbePicker::quote).filter(q -> q.startsWith("i "))
            .ifPresent(q -> out.add(finding(card, Premise.HAND_OFF_SAID, "You said “" + q + "”. ", q)));
        failed(rules, ActionFirstPerson.ID).flatMap(ProbePicker::we)
            .ifPresent(q -> out.add(finding(card, Premise.WE_SAID, "You said “" + q + "”. ", q)));
        failed(rules, TaskScopeBoundary.ID).ifPresent(r -> out.add(finding(card, Premise.NO_SCOPE, "", null)));
        failed(rules, ResultQuantified.ID).ifPresent(r -> out.add(finding(card, Premise.NO_NUMBER, "", null)));
        failed(rules, ReflectionSpecific.ID).filter(r -> !"generic".equals(r.value()) || surelyGeneric(card, answer)).ifPresent(r -> {
            String q = "generic".equals(r.value()) ? reflection(answer) : null;
            out.add(finding(card, Premise.REFLECTION_VAGUE, q == null ? "" : "You said “" + q + "”. ", q));
        });
        passed(rules, ResultQuantified.ID).flatMap(ProbePicker::quote)
            .ifPresent(q -> out.add(finding(card, Premise.NUMBER_SAID, "You said “" + q + "”. ", q)));
        stakeholder(said).ifPresent(s -> out.add(finding(card, Premise.STAKEHOLDER_NAMED, "You mentioned " + s + ". ", s)));
        boolean scopeStated = passed(rules, TaskScopeBoundary.ID).isPresent();
        Set<String> heard = ProbeJudge.stems(said).keySet();
        for (int i = 0; card.probes() != null && i < card.probes().size(); i++) {
            String question = card.probes().get(i).question();
            List<String> details = details(card, i);
            if (ASSUMES_SCOPE.matcher(question).find()) {
                if (scopeStated && heard.containsAll(details)) {
                    out.add(new Pick(i, question, Premise.SCOPE_STATED, null));
                }
            } else if (!details.isEmpty()) {
                if (heard.containsAll(details)) {
                    out.add(new Pick(i, question, Premise.STORY_DETAILS, null));
                }
            } else {
                out.add(new Pick(i, question, Premise.NONE, null));
            }
        }
        return out.stream().limit(MOST).toList();
    }

    private static Pick finding(Card card, Premise premise, String lead, String quote) {
        return new Pick(FindingProbes.index(card, premise), lead + FindingProbes.BY_PREMISE.get(premise).question(), premise, quote);
    }

    private static Optional<RuleResult> failed(Map<String, RuleResult> rules, String id) {
        return Optional.ofNullable(rules.get(id)).filter(r -> !r.passed() && !r.unclear());
    }

    private static Optional<RuleResult> passed(Map<String, RuleResult> rules, String id) {
        return Optional.ofNullable(rules.get(id)).filter(RuleResult::passed);
    }

    /** The rule's evidence to quote: its first span of two words or more ("we deleted"), else its first. */
    private static Optional<String> quote(RuleResult r) {
        return r.evidence().stream().filter(e -> e.text().contains(" ")).findFirst().or(() -> r.evidence().stream().findFirst())
            .map(Evidence::text).filter(t -> !t.startsWith("(")).map(ProbePicker::shorten);
    }

    /**
     * The "we" to quote back: "rather than the team" takes it that the team did it, so the first "we ..." (a group
     * acting), else the first "we"; one other person acting ("she said") is not the team.
     */
    private static Optional<String> we(RuleResult r) {
        List<String> spans = r.evidence().stream().map(Evidence::text).toList();
        return spans.stream().filter(t -> t.startsWith("we ")).findFirst()
            .or(() -> spans.stream().filter(t -> t.equals("we")).findFirst()).map(ProbePicker::shorten);
    }

    /**
     * Whether the reflection judge is sure it heard a generic reflection: out of its close-call band (the one that makes
     * a check unclear on a poor recording). Calling a specific reflection vague to the candidate's face is worse than
     * not asking; on the corpus the judge's close calls are right about 7 times in 10.
     */
    private static boolean surelyGeneric(Card card, ScoredTranscript t) {
        List<Word> words = t.words().stream().map(w -> new Word(w.word(), w.start(), w.end(), w.conf())).toList();
        Answer answer = new Answer(card, t.level(), words, t.words().stream().map(ScoredTranscript.ScoredWord::phase).toList());
        return new ReflectionSpecific(card).margin(answer) >= CloseCall.BAND;
    }

    /** The reflection's first words, as said. */
    private static String reflection(ScoredTranscript t) {
        List<String> words = t.words().stream().filter(w -> w.phase() == Phase.REFLECTION).map(ScoredTranscript.ScoredWord::word).toList();
        return words.isEmpty() ? null : shorten(String.join(" ", words));
    }

    private static String shorten(String text) {
        String[] w = text.split(" ");
        return w.length <= QUOTE_WORDS ? text : String.join(" ", List.of(w).subList(0, QUOTE_WORDS)) + "…";
    }

    /** The first other person or team the answer names, as said. */
    static Optional<String> stakeholder(List<String> said) {
        var m = STAKEHOLDER.matcher(String.join(" ", said));
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The card's story details a probe names ("platform", "fix"): stems from its example story that no interviewer needs. */
    static List<String> details(Card card, int probe) {
        Set<String> story = ProbeJudge.stems(SpokenText.words(storyText(card))).keySet();
        return ProbeJudge.stems(SpokenText.words(card.probes().get(probe).question())).keySet().stream()
            .filter(w -> story.contains(w) && !INTERVIEWER_WORDS.contains(w)).toList();
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
