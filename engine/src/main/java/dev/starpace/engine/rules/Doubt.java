package dev.starpace.engine.rules;

import dev.starpace.engine.Phase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a content rule twice, on the answer as heard and on the words the recognizer was sure of (unsure words
 * masked), and keeps the verdict when both agree. When they disagree, the verdict rests on unsure words: the rule
 * says "unclear", names the stretch to replay, and the score leaves it out. A phrase heard through a near miss on
 * an unsure word ("nobody had tasked" heard "nobody had taxed") passes the first reading and not the second, so it
 * is unclear too, never a wrong "failed". On a recording whose input quality is poor, where the recognizer also
 * misses words it is sure of, a learned judge's close call ({@link CloseCall}) and a failure that a phase boundary one
 * unit over would undo ({@link MovedBoundary}) are unclear too.
 */
public final class Doubt {
    /** The phase each rule reads, where its unsure words are looked for when its evidence names none. */
    private static final Map<String, Phase> READS = Map.of(ActionFirstPerson.ID, Phase.ACTION,
        ResultQuantified.ID, Phase.RESULT, TaskScopeBoundary.ID, Phase.TASK, ReflectionSpecific.ID, Phase.REFLECTION);
    /**
     * The rules that pass on finding something in one phase (a metric, a scope boundary), which {@link MovedBoundary}
     * asks about. The judged rules weigh the phase as a whole (a Reflection grown by a unit of the story always ties
     * back to it), so their close calls are {@link CloseCall}'s.
     */
    private static final Map<String, Phase> FINDS_IN = Map.of(ResultQuantified.ID, Phase.RESULT, TaskScopeBoundary.ID, Phase.TASK);

    private Doubt() {
    }

    public static RuleResult check(Rule rule, Answer answer) {
        RuleResult heard = rule.check(answer);
        if (answer.anyUnsure() && differs(rule.check(answer.withoutUnsure()), heard)) {
            return unclear(heard, "this turns on words the recognizer was unsure of", replay(answer, heard.evidence(),
                READS.get(rule.id())));
        }
        Evidence moved = MovedBoundary.of(rule, answer, heard, FINDS_IN.get(rule.id()));
        if (moved != null) {
            return unclear(heard, "with this recording's quality, it turns on where your " + FINDS_IN.get(rule.id()).id()
                + " begins or ends", moved);
        }
        if (CloseCall.of(rule, answer)) {
            return unclear(heard, "with this recording's quality, this is too close to call", closeCallReplay(answer, heard,
                READS.get(rule.id())));
        }
        return heard;
    }

    /**
     * What a close call weighed: its first evidence of two words or more ("we deleted"), else the whole phase (the whole
     * answer for a rule that reads every phase, as the hand-off judge does).
     */
    private static Evidence closeCallReplay(Answer answer, RuleResult heard, Phase phase) {
        for (Evidence e : heard.evidence()) {
            if (e.text().contains(" ")) {
                return e;
            }
        }
        List<Integer> read = phase == null ? List.of() : answer.indicesOf(phase);
        return read.isEmpty() ? answer.evidence(0, answer.size()) : answer.evidence(read.get(0), read.get(read.size() - 1) + 1);
    }

    private static boolean differs(RuleResult a, RuleResult b) {
        return a.passed() != b.passed() || a.value() instanceof String && !a.value().equals(b.value());   // specific, generic
    }

    private static RuleResult unclear(RuleResult heard, String why, Evidence replay) {
        return RuleResult.unclear(heard.id(), heard.value(), "Unclear: " + why + " (\"" + replay.text()
            + "\"). Replay it to hear what you said; it does not count against your score.", heard.evidence(), replay);
    }

    /** The unsure words the verdict turns on: those in the evidence, else the first run of them in the rule's phase. */
    static Evidence replay(Answer answer, List<Evidence> evidence, Phase phase) {
        for (Evidence e : evidence) {
            if (e.conf() != null) {
                return e;
            }
        }
        List<Integer> scope = new ArrayList<>();
        for (int i = 0; i < answer.size(); i++) {
            if (phase == null || answer.phases().get(i) == phase) {
                scope.add(i);
            }
        }
        int from = -1;
        int to = -1;
        for (int i : scope) {
            if (answer.unsure(i)) {
                if (from < 0) {
                    from = i;
                    to = i + 1;
                } else if (i == to || i - to <= 2) {
                    to = i + 1;
                } else {
                    break;
                }
            }
        }
        if (from < 0) {
            int first = scope.isEmpty() ? 0 : scope.get(0);
            int last = scope.isEmpty() ? answer.size() : scope.get(scope.size() - 1) + 1;
            return answer.evidence(first, last);
        }
        return answer.evidence(Math.max(0, from - 2), Math.min(answer.size(), to + 2));
    }
}
