package dev.starpace.engine.score;

import dev.starpace.engine.Phase;
import dev.starpace.engine.delivery.DeliveryRules;
import dev.starpace.engine.rules.ActionFirstPerson;
import dev.starpace.engine.rules.NoDisqualifiers;
import dev.starpace.engine.rules.ReflectionSpecific;
import dev.starpace.engine.rules.ResultQuantified;
import dev.starpace.engine.rules.RuleResult;
import dev.starpace.engine.rules.TaskScopeBoundary;
import dev.starpace.engine.timing.Budget;
import dev.starpace.engine.timing.PhaseStatus;
import dev.starpace.engine.timing.PhaseTiming;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the verdict as a Bar Raiser would say it after the loop: a one-line read of the answer, the
 * reasons in short sentences, then the call for this LP. A hand-off phrase caps the call at Leaning No Hire.
 */
public final class BarRaiser {
    private static final Map<String, Phase> RULE_PHASE = Map.of(ActionFirstPerson.ID, Phase.ACTION,
        ResultQuantified.ID, Phase.RESULT, TaskScopeBoundary.ID, Phase.TASK, ReflectionSpecific.ID, Phase.REFLECTION);

    /** A Strong Hire needs every content check passed and at least this score. */
    public static final int STRONG_HIRE_SCORE = 85;

    /** What a passed content check shows, and what a failed one leaves a Strong Hire needing. */
    private static final Map<String, String> STRENGTH = Map.of(
        ActionFirstPerson.ID, "you own the Action",
        ResultQuantified.ID, "the Result is in numbers",
        TaskScopeBoundary.ID, "the Task shows the work went beyond your remit",
        ReflectionSpecific.ID, "the reflection is specific");
    private static final Map<String, String> GAP = Map.of(
        ActionFirstPerson.ID, "an Action told with \"I\"",
        ResultQuantified.ID, "a Result in numbers",
        TaskScopeBoundary.ID, "a Task that says the work was beyond your remit",
        ReflectionSpecific.ID, "a reflection specific to this story",
        NoDisqualifiers.ID, "no hand-off: you fix it yourself");

    private BarRaiser() {
    }

    public static Verdict verdict(String lp, Score score, List<PhaseTiming> phases, Budget budget, List<RuleResult> rules) {
        List<String> reasons = new ArrayList<>();
        int contentFailures = 0;
        boolean disqualified = false;
        Set<Phase> missing = EnumSet.noneOf(Phase.class);
        phases.stream().filter(p -> p.status() == PhaseStatus.MISSING).forEach(p -> missing.add(p.phase()));
        for (RuleResult r : rules) {
            if (r.unclear()) {
                reasons.add("Unclear on the recording: " + GAP.get(r.id()).replace("no hand-off: you fix it yourself", "no hand-off")
                    + " (replay \"" + r.replay().text() + "\").");
            }
            if (r.passed() || r.unclear() || DeliveryRules.IDS.contains(r.id())) {
                continue;
            }
            contentFailures++;
            disqualified |= r.id().equals(NoDisqualifiers.ID);
            // a rule about a phase that was never heard says nothing the missing phase does not
            Phase about = RULE_PHASE.get(r.id());
            if (about == null || !missing.contains(about) || about == Phase.TASK || about == Phase.REFLECTION) {
                reasons.add(reason(r));
            }
        }
        for (PhaseTiming p : phases) {
            if (p.status() == PhaseStatus.MISSING && (p.phase() == Phase.ACTION || p.phase() == Phase.RESULT)) {
                reasons.add("No " + p.phase().title() + " at all.");
            } else if (p.status() == PhaseStatus.LONG && p.phase() != Phase.ACTION) {
                reasons.add(p.phase().title() + " runs long: " + Math.round(p.seconds()) + " s of " + Math.round(p.targetSeconds()) + ".");
            } else if (p.status() == PhaseStatus.SHORT && p.phase() == Phase.ACTION) {
                reasons.add("Thin Action: " + Math.round(p.seconds()) + " s of " + Math.round(p.targetSeconds()) + ".");
            }
        }
        if (budget.status() == Budget.Status.LONG) {
            reasons.add("Over time: " + Math.round(budget.seconds()) + " s against a " + Math.round(budget.maxSeconds()) + " s budget.");
        }
        boolean deliveryOk = rules.stream().filter(r -> DeliveryRules.IDS.contains(r.id())).allMatch(RuleResult::passed);
        for (RuleResult r : rules) {
            if (!r.passed() && DeliveryRules.IDS.contains(r.id())) {
                reasons.add(r.message().split(":")[0] + ".");
            }
        }

        Verdict.Decision decision = score.total() >= STRONG_HIRE_SCORE && contentFailures == 0 ? Verdict.Decision.STRONG_HIRE
            : score.total() >= 70 && contentFailures <= 1 ? Verdict.Decision.LEANING_HIRE
            : score.total() >= 45 ? Verdict.Decision.LEANING_NO_HIRE
            : Verdict.Decision.NO_HIRE;
        if (disqualified && decision.ordinal() < Verdict.Decision.LEANING_NO_HIRE.ordinal()) {
            decision = Verdict.Decision.LEANING_NO_HIRE;
        }
        List<String> strengths = new ArrayList<>();
        List<String> gaps = new ArrayList<>();
        for (RuleResult r : rules) {
            if (!r.passed() && !r.unclear() && GAP.containsKey(r.id())) {
                gaps.add(GAP.get(r.id()));
            } else if (r.passed() && STRENGTH.containsKey(r.id())) {
                strengths.add(STRENGTH.get(r.id()));
            }
        }
        String opening = opening(decision, strengths, contentFailures, deliveryOk);
        List<String> toStrongHire = decision == Verdict.Decision.STRONG_HIRE ? List.of() : toStrongHire(score, gaps);
        String text = opening + (reasons.isEmpty() ? "" : " " + String.join(" ", reasons))
            + (toStrongHire.isEmpty() ? "" : " For a Strong Hire: " + String.join("; ", toStrongHire) + ".")
            + " " + decision.label() + " for this LP (" + lp + ").";
        return new Verdict(decision, lp, reasons, text, toStrongHire);
    }

    /**
     * The first line, written from this answer's own findings and never harsher or kinder than the call:
     * what it does well (the content checks it passed) and how much is missing.
     */
    static String opening(Verdict.Decision decision, List<String> strengths, int contentFailures, boolean deliveryOk) {
        String good = join(strengths);
        String delivery = deliveryOk ? "" : " The delivery gets in the way.";
        return switch (decision) {
            case STRONG_HIRE -> "Clear story: " + good + "." + delivery;
            case LEANING_HIRE -> (strengths.isEmpty() ? "A sound answer" : "A good answer: " + good)
                + (contentFailures == 0 ? ", held back by its timing or delivery." : ", with one gap.") + delivery;
            case LEANING_NO_HIRE -> (strengths.isEmpty() ? "Not there yet: none of the content checks passed."
                : "Some of it lands (" + good + "), but too much is missing.") + delivery;
            case NO_HIRE -> (strengths.isEmpty() ? "Light on substance: none of the content checks passed."
                : "Only part of it lands (" + good + "); the rest is missing.") + delivery;
        };
    }

    /** What this answer lacks for a Strong Hire: every content check passed and a score of 85 or more. */
    static List<String> toStrongHire(Score score, List<String> gaps) {
        List<String> out = new ArrayList<>(gaps);
        if (score.total() < STRONG_HIRE_SCORE) {
            out.add("a score of " + STRONG_HIRE_SCORE + " or more (this one is " + score.total() + ")");
        }
        return out;
    }

    private static String join(List<String> parts) {
        if (parts.size() <= 1) {
            return parts.isEmpty() ? "" : parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }


    private static String reason(RuleResult r) {
        return switch (r.id()) {
            case ActionFirstPerson.ID -> "Uses 'we' and 'they' in the Action; individual contribution is invisible.";
            case ResultQuantified.ID -> "Zero quantification in the Result.";
            case TaskScopeBoundary.ID -> "No scope boundary: ownership is not proven self-initiated.";
            case ReflectionSpecific.ID -> "missing".equals(r.value()) ? "No reflection." : "Generic reflection.";
            case NoDisqualifiers.ID -> "Hands off ownership (\"" + r.evidence().get(0).text() + "\").";
            default -> r.message();
        };
    }
}
