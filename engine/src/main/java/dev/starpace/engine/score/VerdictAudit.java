package dev.starpace.engine.score;

import dev.starpace.engine.Phase;
import dev.starpace.engine.ScoredTranscript;
import dev.starpace.engine.rules.ActionFirstPerson;
import dev.starpace.engine.rules.NoDisqualifiers;
import dev.starpace.engine.rules.ReflectionSpecific;
import dev.starpace.engine.rules.ResultQuantified;
import dev.starpace.engine.rules.RuleResult;
import dev.starpace.engine.rules.TaskScopeBoundary;
import dev.starpace.engine.timing.PhaseStatus;
import dev.starpace.engine.timing.PhaseTiming;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a scored transcript as a candidate would and lists every sentence of the verdict that contradicts the
 * checklist, the phases or the score's band. It reads the words, not how {@link BarRaiser} wrote them, so it catches a
 * verdict that drifts from its findings; an empty list means the report agrees with itself. Run over every fixture,
 * corpus answer and edge case by the tests; a stored transcript can be checked the same way.
 */
public final class VerdictAudit {
    /** The sentences that say a content check failed, by the check. */
    private static final Map<String, String> FAILURE_WORDS = Map.of(
        ActionFirstPerson.ID, "Uses 'we' and 'they' in the Action",
        ResultQuantified.ID, "Zero quantification in the Result",
        TaskScopeBoundary.ID, "No scope boundary",
        ReflectionSpecific.ID, "reflection.",
        NoDisqualifiers.ID, "Hands off ownership");
    private static final List<String> COUNTS = List.of("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine");
    private static final Pattern GAP_COUNT = Pattern.compile("\\b(one|two|three|four|five|six|seven|eight|nine) gaps?\\b");

    private VerdictAudit() {
    }

    public static List<String> contradictions(ScoredTranscript t) {
        List<String> out = new ArrayList<>();
        Verdict v = t.verdict();
        String text = v.text();
        Verdict.Decision decision = v.decision();
        int score = t.score().total();
        List<RuleResult> content = t.rules().stream().filter(r -> !Check.delivery(r.id())).toList();
        List<RuleResult> delivery = t.rules().stream().filter(r -> Check.delivery(r.id())).toList();
        List<String> gapReasons = v.reasons().stream().filter(r -> !r.startsWith("Unclear on the recording")).toList();

        if (decision.ordinal() < BarRaiser.band(score).ordinal()) {
            out.add(decision.label() + " is kinder than the score's band (" + score + ")");
        }
        if (decision.ordinal() > BarRaiser.band(score).ordinal() && gapReasons.isEmpty()) {
            out.add(decision.label() + " is below the score's band (" + score + ") but the verdict names no gap");
        }
        if (!text.endsWith(decision.label() + " for this LP (" + t.question().lp() + ").")) {
            out.add("the text does not end with the call: " + text);
        }
        if (v.toStrongHire().isEmpty() != (decision == Verdict.Decision.STRONG_HIRE)) {
            out.add("what a Strong Hire needs is " + (v.toStrongHire().isEmpty() ? "empty for " : "given for ") + decision.label());
        }
        if (decision == Verdict.Decision.STRONG_HIRE) {
            t.rules().stream().filter(r -> !r.passed() && !r.unclear())
                .forEach(r -> out.add("Strong Hire beside a failed check: " + r.id()));
            if (score < BarRaiser.STRONG_HIRE_SCORE || !gapReasons.isEmpty() || text.contains("gets in the way")) {
                out.add("Strong Hire with a gap named or a low score: " + text);
            }
        }
        if (text.contains("none of the content checks passed") && content.stream().anyMatch(RuleResult::passed)) {
            out.add("says none of the content checks passed beside a passed check: " + text);
        }
        Matcher counted = GAP_COUNT.matcher(text);
        if (counted.find() && COUNTS.indexOf(counted.group(1)) != gapReasons.size()) {
            out.add("says " + counted.group() + " but names " + gapReasons.size() + ": " + gapReasons);
        }
        PhaseTiming action = t.phases().stream().filter(p -> p.phase() == Phase.ACTION).findFirst().orElseThrow();
        boolean thin = action.status() == PhaseStatus.MISSING
            || action.status() == PhaseStatus.SHORT && action.seconds() < Findings.THIN_ACTION_SHARE * action.targetSeconds();
        if (thin && decision.ordinal() <= Verdict.Decision.LEANING_HIRE.ordinal()) {
            out.add(decision.label() + " with an Action of " + Math.round(action.seconds()) + " s (" + action.status().id() + ")");
        }
        for (RuleResult r : content) {
            String failure = FAILURE_WORDS.get(r.id());
            if (failure == null) {
                continue;
            }
            boolean said = r.id().equals(ReflectionSpecific.ID)
                ? v.reasons().contains("Generic reflection.") || v.reasons().contains("No reflection.")
                : text.contains(failure);
            boolean failed = !r.passed() && !r.unclear();
            if (said && !failed) {
                out.add("names " + r.id() + " as a gap, but the checklist says " + r.status());
            }
            if (failed && !said && !missingPhaseSaid(r.id(), v)) {
                out.add(r.id() + " failed, but the verdict does not say so");
            }
            String strength = Check.of(r.id()).map(Check::strength).orElse(null);
            if (strength != null && opening(text).contains(strength) && !r.passed()) {
                out.add("praises \"" + strength + "\" but " + r.id() + " is " + r.status());
            }
        }
        if (t.written()) {
            if (!delivery.isEmpty()) {
                out.add("a written answer with delivery checks: " + delivery.stream().map(RuleResult::id).toList());
            }
            if (t.score().parts().stream().anyMatch(p -> p.part().equals("delivery")) || t.score().note() == null) {
                out.add("a written answer scored on delivery, or with no note on what its score is out of");
            }
            // the answer's own words quoted as evidence may say "delivery" ("the delivery driver brought it")
            String said = text.replaceAll("\"[^\"]*\"", "\"…\"");
            if (said.contains("words a minute") || said.contains("You spoke") || said.contains("delivery")) {
                out.add("a written answer's verdict speaks of delivery: " + text);
            }
        }
        double earned = t.score().parts().stream().mapToDouble(ScorePart::points).sum();
        double max = t.score().parts().stream().mapToDouble(ScorePart::max).sum();
        if (max > 0 && Math.abs(Math.round(earned * 100 / max) - score) > 1) {
            out.add("the score " + score + " is not its parts (" + earned + " of " + max + ")");
        }
        return out;
    }

    /** A failed phase check is said by "No Action at all." when the phase was never heard. */
    private static boolean missingPhaseSaid(String id, Verdict v) {
        Phase p = Check.of(id).map(Check::phase).orElse(null);
        return p != null && v.reasons().contains("No " + p.title() + " at all.");
    }

    /** The verdict's first sentence or two, before the reasons: where it praises. */
    private static String opening(String text) {
        int paren = text.indexOf(')');
        int stop = text.indexOf(". ");
        return text.substring(0, Math.max(stop < 0 ? text.length() : stop, paren < 0 ? 0 : paren + 1));
    }
}
