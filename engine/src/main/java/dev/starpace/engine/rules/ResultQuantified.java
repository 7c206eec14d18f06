package dev.starpace.engine.rules;

import dev.starpace.engine.Phase;
import dev.starpace.engine.text.Quantities;
import java.util.ArrayList;
import java.util.List;

/** The Result carries a metric: a number, a percentage, money, a duration, or a change from X to Y. */
public final class ResultQuantified implements Rule {
    public static final String ID = "result-quantified";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public RuleResult check(Answer answer) {
        List<Integer> result = answer.indicesOf(Phase.RESULT);
        if (result.isEmpty()) {
            return RuleResult.fail(ID, 0, "No Result heard: end with what changed, in numbers (\"from 0.3% to zero\").", List.of());
        }
        List<Evidence> metrics = new ArrayList<>();
        for (Run run : Run.of(result)) {
            List<String> words = answer.tokens().subList(run.from(), run.to());
            for (Quantities.Span q : Quantities.find(words)) {
                int from = run.from() + q.from();
                // keep the word before a number when it frames it ("from", "to", "by", "about")
                if (from > run.from() && List.of("from", "to", "by", "about", "around", "roughly", "under", "over")
                    .contains(answer.tokens().get(from - 1))) {
                    from--;
                }
                metrics.add(answer.evidence(from, run.from() + q.to()));
            }
        }
        if (metrics.isEmpty()) {
            return RuleResult.fail(ID, 0, "Your Result has no numbers: say how much changed (a percentage, money saved, time cut, from X to Y).", List.of());
        }
        return RuleResult.pass(ID, metrics.size(), "Your Result is quantified (" + metrics.size()
            + (metrics.size() == 1 ? " metric)." : " metrics)."), metrics);
    }

    /** A run of consecutive word indices [from, to). */
    record Run(int from, int to) {
        static List<Run> of(List<Integer> indices) {
            List<Run> runs = new ArrayList<>();
            int start = -1;
            int prev = -2;
            for (int i : indices) {
                if (i != prev + 1) {
                    if (start >= 0) {
                        runs.add(new Run(start, prev + 1));
                    }
                    start = i;
                }
                prev = i;
            }
            if (start >= 0) {
                runs.add(new Run(start, prev + 1));
            }
            return runs;
        }
    }
}
