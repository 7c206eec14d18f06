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

    private BarRaiser() {
    }

    public static Verdict verdict(String lp, Score score, List<PhaseTiming> phases, Budget budget, List<RuleResult> rules) {
        List<String> reasons = new ArrayList<>();
        int contentFailures = 0;
        boolean disqualified = false;
        Set<Phase> missing = EnumSet.noneOf(Phase.class);
        phases.stream().filter(p -> p.status() == PhaseStatus.MISSING).forEach(p -> missing.add(p.phase()));
        for (RuleResult r : rules) {
            if (r.passed() || DeliveryRules.IDS.contains(r.id())) {
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
                reasons.add(p.phase().title() + " runs long: " + (int) p.seconds() + " s of " + (int) p.targetSeconds() + ".");
            } else if (p.status() == PhaseStatus.SHORT && p.phase() == Phase.ACTION) {
                reasons.add("Thin Action: " + (int) p.seconds() + " s of " + (int) p.targetSeconds() + ".");
            }
        }
        if (budget.status() == Budget.Status.LONG) {
            reasons.add("Over time: " + (int) budget.seconds() + " s against a " + (int) budget.maxSeconds() + " s budget.");
        }
        boolean deliveryOk = rules.stream().filter(r -> DeliveryRules.IDS.contains(r.id())).allMatch(RuleResult::passed);
        for (RuleResult r : rules) {
            if (!r.passed() && DeliveryRules.IDS.contains(r.id())) {
                reasons.add(r.message().split(":")[0] + ".");
            }
        }

        Verdict.Decision decision = score.total() >= 85 && contentFailures == 0 ? Verdict.Decision.STRONG_HIRE
            : score.total() >= 70 && contentFailures <= 1 ? Verdict.Decision.LEANING_HIRE
            : score.total() >= 45 ? Verdict.Decision.LEANING_NO_HIRE
            : Verdict.Decision.NO_HIRE;
        if (disqualified && decision.ordinal() < Verdict.Decision.LEANING_NO_HIRE.ordinal()) {
            decision = Verdict.Decision.LEANING_NO_HIRE;
        }
        String opening = contentFailures == 0 && deliveryOk ? "Clear story with ownership and measurable impact."
            : contentFailures == 0 ? "Strong content, but the delivery gets in the way."
            : deliveryOk ? "Sounds competent but fails on content."
            : "Hard to follow and light on substance.";
        String text = opening + (reasons.isEmpty() ? "" : " " + String.join(" ", reasons))
            + " " + decision.label() + " for this LP (" + lp + ").";
        return new Verdict(decision, lp, reasons, text);
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
