package dev.starpace.engine.score;

import dev.starpace.engine.Phase;
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
import java.util.List;

/**
 * The one reading of an answer that the score and the verdict are both written from: the checklist, the phases
 * against their targets and the budget, and whether the answer was written (then no delivery check applies). The
 * verdict's words, its call, its strengths and its gaps all come from here, so they cannot disagree.
 */
public record Findings(List<RuleResult> rules, List<PhaseTiming> phases, Budget budget, boolean written) {
    /**
     * An Action under this share of its target is too thin to lean Hire on, whatever else the answer does (the issue's
     * ramble had 9 s of 90). A short one above it is no gap: the card's own strong answer reads its six first-person
     * steps in 28 s of 90, and the timing part of the score already counts it short.
     */
    public static final double THIN_ACTION_SHARE = 0.25;

    public Findings {
        // a written answer was never spoken: whatever delivery was measured on its estimated timings is no finding
        rules = written ? rules.stream().filter(r -> !Check.delivery(r.id())).toList() : List.copyOf(rules);
        phases = List.copyOf(phases);
    }

    public List<RuleResult> content() {
        return rules.stream().filter(r -> !Check.delivery(r.id())).toList();
    }

    public List<RuleResult> delivery() {
        return rules.stream().filter(r -> Check.delivery(r.id())).toList();
    }

    /** Content checks passed, in the checklist's order. */
    public List<RuleResult> passed() {
        return content().stream().filter(RuleResult::passed).toList();
    }

    /** Content checks failed (an unclear one is neither passed nor failed). */
    public List<RuleResult> failed() {
        return content().stream().filter(r -> !r.passed() && !r.unclear()).toList();
    }

    public List<RuleResult> unclear() {
        return rules.stream().filter(RuleResult::unclear).toList();
    }

    public PhaseTiming phase(Phase p) {
        return phases.stream().filter(t -> t.phase() == p).findFirst().orElseThrow();
    }

    private boolean missing(Phase p) {
        return phases.stream().anyMatch(t -> t.phase() == p && t.status() == PhaseStatus.MISSING);
    }

    /** Everything that keeps the answer from a Strong Hire apart from its score, each said once. */
    public List<Gap> gaps() {
        List<Gap> out = new ArrayList<>();
        for (RuleResult r : failed()) {
            String need = Check.of(r.id()).map(Check::need).orElse(r.message());
            out.add(new Gap(Gap.Kind.CONTENT, contentReason(r), need, r.id().equals(NoDisqualifiers.ID)
                || r.id().equals(ActionFirstPerson.ID) && missing(Phase.ACTION)
                || r.id().equals(ResultQuantified.ID) && missing(Phase.RESULT)));
        }
        boolean actionSaid = out.stream().anyMatch(g -> g.reason().equals(noPhase(Phase.ACTION)));
        boolean resultSaid = out.stream().anyMatch(g -> g.reason().equals(noPhase(Phase.RESULT)));
        for (PhaseTiming p : phases) {
            long seconds = Math.round(p.seconds());
            long target = Math.round(p.targetSeconds());
            if (p.status() == PhaseStatus.MISSING && (p.phase() == Phase.ACTION && !actionSaid || p.phase() == Phase.RESULT && !resultSaid)) {
                out.add(new Gap(Gap.Kind.STRUCTURE, noPhase(p.phase()), "a " + p.phase().title() + " of about " + target + " s", true));
            } else if (p.status() == PhaseStatus.SHORT && p.phase() == Phase.ACTION && p.seconds() < THIN_ACTION_SHARE * p.targetSeconds()) {
                out.add(new Gap(Gap.Kind.STRUCTURE, "Thin Action: " + seconds + " s of " + target + ".",
                    "an Action of about " + target + " s", true));
            } else if (p.status() == PhaseStatus.LONG && p.phase() != Phase.ACTION) {
                out.add(new Gap(Gap.Kind.STRUCTURE, p.phase().title() + " runs long: " + seconds + " s of " + target + ".",
                    "a " + p.phase().title() + " of about " + target + " s", false));
            }
        }
        if (budget.status() == Budget.Status.LONG) {
            out.add(new Gap(Gap.Kind.STRUCTURE, "Over time: " + Math.round(budget.seconds()) + " s against a "
                + Math.round(budget.maxSeconds()) + " s budget.", "an answer within " + Math.round(budget.maxSeconds()) + " s", false));
        }
        for (RuleResult r : delivery()) {
            if (!r.passed() && !r.unclear()) {
                out.add(new Gap(Gap.Kind.DELIVERY, r.message().split(":")[0] + ".", Check.of(r.id()).orElseThrow().need(), false));
            }
        }
        return out;
    }

    private static String noPhase(Phase p) {
        return "No " + p.title() + " at all.";
    }

    private String contentReason(RuleResult r) {
        return switch (r.id()) {
            case ActionFirstPerson.ID -> missing(Phase.ACTION) ? noPhase(Phase.ACTION)
                : "Uses 'we' and 'they' in the Action; individual contribution is invisible.";
            case ResultQuantified.ID -> missing(Phase.RESULT) ? noPhase(Phase.RESULT) : "Zero quantification in the Result.";
            case TaskScopeBoundary.ID -> "No scope boundary: ownership is not proven self-initiated.";
            case ReflectionSpecific.ID -> "missing".equals(r.value()) ? "No reflection." : "Generic reflection.";
            case NoDisqualifiers.ID -> "Hands off ownership (\"" + (r.evidence().isEmpty() ? "" : r.evidence().get(0).text()) + "\").";
            default -> r.message();
        };
    }
}
