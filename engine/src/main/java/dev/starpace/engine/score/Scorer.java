package dev.starpace.engine.score;

import dev.starpace.engine.rules.ReflectionSpecific;
import dev.starpace.engine.rules.RuleResult;
import dev.starpace.engine.timing.Budget;
import dev.starpace.engine.timing.PhaseStatus;
import dev.starpace.engine.timing.PhaseTiming;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds up the score from four parts: structure (20: each STAR phase heard), timing (20: each phase near its
 * target, the whole answer in budget), content (45: shared by the card's content rules) and delivery
 * (15: pace, fillers, long pauses). A written answer has no delivery part: its score is out of the 85 points that
 * apply, scaled to 100, and says so.
 */
public final class Scorer {
    static final double STRUCTURE = 20;
    static final double TIMING = 20;
    static final double CONTENT = 45;
    static final double DELIVERY = 15;

    private Scorer() {
    }

    public static Score score(List<PhaseTiming> phases, Budget budget, List<RuleResult> rules) {
        return score(new Findings(rules, phases, budget, false));
    }

    public static Score score(Findings f) {
        List<PhaseTiming> phases = f.phases();
        List<ScorePart> parts = new ArrayList<>();
        long heard = phases.stream().filter(p -> p.status() != PhaseStatus.MISSING).count();
        parts.add(new ScorePart("structure", round(STRUCTURE * heard / phases.size()), STRUCTURE,
            heard + " of " + phases.size() + " phases heard"));

        double phasePoints = 0;
        for (PhaseTiming p : phases) {
            phasePoints += switch (p.status()) {
                case ON_TARGET -> 1;
                case SHORT, LONG -> 0.5;
                case MISSING -> 0;
            };
        }
        double perPhase = (TIMING - 5) / phases.size();
        double timing = phasePoints * perPhase + (f.budget().status() == Budget.Status.ON_TARGET ? 5 : 2);
        // the phases exactly on target, counted whole (a short or long one earns half its points but is not on target)
        long onTarget = phases.stream().filter(p -> p.status() == PhaseStatus.ON_TARGET).count();
        parts.add(new ScorePart("timing", round(timing), TIMING,
            onTarget + " of " + phases.size() + " phases on target, answer " + f.budget().status().id()));

        // a rule that is unclear on the recording is left out, neither earned nor lost
        List<RuleResult> content = f.content().stream().filter(r -> !r.unclear()).toList();
        double contentPoints = 0;
        for (RuleResult r : content) {
            boolean generic = r.id().equals(ReflectionSpecific.ID) && "generic".equals(r.value());
            contentPoints += r.passed() ? 1 : generic ? 0.4 : 0;
        }
        double content45 = content.isEmpty() ? CONTENT : CONTENT * contentPoints / content.size();
        parts.add(new ScorePart("content", round(content45), CONTENT,
            content.stream().filter(RuleResult::passed).count() + " of " + content.size() + " content rules passed"
                + unclear(f.rules())));

        if (!f.written()) {
            List<RuleResult> delivery = f.delivery();
            long passed = delivery.stream().filter(RuleResult::passed).count();
            double delivery15 = delivery.isEmpty() ? DELIVERY : DELIVERY * passed / delivery.size();
            parts.add(new ScorePart("delivery", round(delivery15), DELIVERY, passed + " of " + delivery.size() + " delivery checks passed"));
        }
        double earned = parts.stream().mapToDouble(ScorePart::points).sum();
        double max = parts.stream().mapToDouble(ScorePart::max).sum();
        int total = (int) Math.round(earned * 100 / max);
        String note = f.written() ? "A written answer: pace, pauses and fillers are not judged, so the score is "
            + Math.round(earned) + " of the " + Math.round(max) + " points that apply, scaled to 100." : null;
        return new Score(Math.max(0, Math.min(100, total)), parts, note);
    }

    private static String unclear(List<RuleResult> rules) {
        long n = rules.stream().filter(RuleResult::unclear).count();
        return n == 0 ? "" : ", " + n + " unclear on the recording left out";
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
