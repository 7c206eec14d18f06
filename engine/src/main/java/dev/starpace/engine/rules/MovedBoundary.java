package dev.starpace.engine.rules;

import dev.starpace.engine.Phase;
import dev.starpace.engine.segment.Unit;
import dev.starpace.engine.segment.UnitCutter;
import java.util.ArrayList;
import java.util.List;

/**
 * A failure that rests on where the segmenter drew a boundary of the phase the rule reads. On a poor recording the
 * boundaries move with the misheard words (the time in the right phase falls a few points: docs/noisy-recordings.md),
 * and what the rule looks for is then heard, but just outside its phase: the Result's metric at the end of the
 * Action, the Task's boundary in the Situation before it. So a failed verdict is re-checked with the phase grown by
 * one unit (the segmenter's own stretch of speech, {@link UnitCutter}) over each of its edges; if that passes, the
 * failure is unclear and the unit is the stretch to replay. A failed Task rule is also re-checked over the whole setup
 * (every Situation word before the first Action): the Situation/Task edge is the segmenter's commonest error (held out,
 * 13 % of the Task's time is labelled Situation; docs/segmentation.md), and a task-first answer's boundary ("nobody had
 * asked me to") may sit two units off once noise has taken the words that made it a Task. Passed verdicts are not
 * re-checked: growing a phase can only add evidence. A clean recording is never asked.
 */
final class MovedBoundary {
    private MovedBoundary() {
    }

    /** The unit whose phase would turn the failed verdict of {@code rule}, which reads {@code phase}; null if none. */
    static Evidence of(Rule rule, Answer answer, RuleResult heard, Phase phase) {
        if (!answer.poorRecording() || heard.passed() || phase == null || !answer.has(phase)) {
            return null;
        }
        List<Phase> phases = answer.phases();
        List<Unit> units = UnitCutter.cut(answer.words());
        for (Unit unit : units) {
            int from = unit.from();
            int to = unit.to();
            boolean before = to < phases.size() && phases.get(to) == phase && phases.get(to - 1) != phase;
            boolean after = from > 0 && phases.get(from - 1) == phase && phases.get(from) != phase;
            if (!before && !after) {
                continue;
            }
            // only the unit's words across the edge: a unit may straddle it
            int a = before ? lastRunStart(phases, to, from) : from;
            int b = before ? to : firstRunEnd(phases, from, to);
            List<Phase> grown = new ArrayList<>(phases);
            for (int i = a; i < b; i++) {
                grown.set(i, phase);
            }
            if (rule.check(answer.withPhases(grown)).passed()) {
                return answer.evidence(a, b);
            }
        }
        return phase == Phase.TASK ? inSetup(rule, answer, phases) : null;
    }

    /** What the Task rule finds once every Situation word before the first Action is read as Task; null if nothing. */
    private static Evidence inSetup(Rule rule, Answer answer, List<Phase> phases) {
        int action = phases.indexOf(Phase.ACTION);
        List<Phase> grown = new ArrayList<>(phases);
        for (int i = 0; i < (action < 0 ? phases.size() : action); i++) {
            if (grown.get(i) == Phase.SITUATION) {
                grown.set(i, Phase.TASK);
            }
        }
        RuleResult setup = rule.check(answer.withPhases(grown));
        if (!setup.passed()) {
            return null;
        }
        return setup.evidence().isEmpty() ? answer.evidence(0, action < 0 ? phases.size() : action) : setup.evidence().get(0);
    }

    /** Where the run of one phase that ends at {@code to} starts, not before {@code from}. */
    private static int lastRunStart(List<Phase> phases, int to, int from) {
        int i = to - 1;
        while (i > from && phases.get(i - 1) == phases.get(to - 1)) {
            i--;
        }
        return i;
    }

    /** Where the run of one phase that starts at {@code from} ends, not after {@code to}. */
    private static int firstRunEnd(List<Phase> phases, int from, int to) {
        int i = from + 1;
        while (i < to && phases.get(i) == phases.get(from)) {
            i++;
        }
        return i;
    }
}
