package dev.starpace.engine.segment.train;

import dev.starpace.engine.Phase;
import dev.starpace.engine.transcript.EstimatedTimings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The floor any segmenter must beat: each sentence labelled by nothing but its relative position in the answer (its
 * middle word's place among the answer's words), S, T, A, R, F in order between four cut points fitted on the
 * training answers. On tidy, in-order answers this rule is strong (issue 20 found it ahead of the model on answers
 * written elsewhere), so every held-out figure is reported beside it on the same folds.
 *
 * @param cuts four positions in [0, 1]: a sentence before cuts[0] is S, before cuts[1] T, and so on
 */
public record PositionRule(double[] cuts) {
    private static final Phase[] PHASES = Phase.values();

    /** A sentence as the rule sees it: where it sits, its labelled phase and how many words it has. */
    private record Sentence(double position, int phase, int words) {
    }

    /**
     * The cut points that put the most training words in their labelled phase: sentences sorted by position, the best
     * non-decreasing labelling found exactly by dynamic programming, cuts halfway between the sentences where it steps.
     */
    public static PositionRule fit(List<LabelledAnswer> answers) {
        List<Sentence> all = new ArrayList<>();
        answers.forEach(a -> all.addAll(sentences(a)));
        all.sort(Comparator.comparingDouble(Sentence::position));
        int n = all.size();
        int p = PHASES.length;
        long[][] best = new long[n + 1][p];
        int[][] from = new int[n + 1][p];
        for (int i = 1; i <= n; i++) {
            Sentence s = all.get(i - 1);
            int top = 0;
            for (int q = 0; q < p; q++) {
                if (best[i - 1][q] > best[i - 1][top]) {
                    top = q;
                }
                // best over labels up to q before this sentence, then q for it
                best[i][q] = best[i - 1][top] + (s.phase() == q ? s.words() : 0);
                from[i][q] = top;
            }
        }
        int state = 0;
        for (int q = 1; q < p; q++) {
            state = best[n][q] > best[n][state] ? q : state;
        }
        int[] label = new int[n];
        for (int i = n; i >= 1; i--) {
            label[i - 1] = state;
            state = from[i][state];
        }
        double[] cuts = new double[p - 1];
        Arrays.fill(cuts, 1.0);
        for (int q = 0; q < p - 1; q++) {
            // the first sentence labelled past q: the cut sits halfway between it and the one before
            for (int i = 0; i < n; i++) {
                if (label[i] > q) {
                    cuts[q] = i == 0 ? 0 : (all.get(i - 1).position() + all.get(i).position()) / 2;
                    break;
                }
            }
        }
        return new PositionRule(cuts);
    }

    /** A phase for every word of the answer as read ({@link LabelledAnswer#steady()}), each sentence's by its position. */
    public List<Phase> label(LabelledAnswer a) {
        List<Phase> out = new ArrayList<>();
        for (Sentence s : sentences(a)) {
            int q = 0;
            while (q < cuts.length && s.position() >= cuts[q]) {
                q++;
            }
            for (int w = 0; w < s.words(); w++) {
                out.add(PHASES[q]);
            }
        }
        return out;
    }

    private static List<Sentence> sentences(LabelledAnswer a) {
        List<Sentence> out = new ArrayList<>();
        List<EstimatedTimings.Timed> timed = EstimatedTimings.sentences(a.sentences(), 0);
        int total = timed.stream().mapToInt(t -> t.words().size()).sum();
        int before = 0;
        int k = 0;
        for (int i = 0; i < a.sentences().size(); i++) {
            if (k >= timed.size() || !timed.get(k).text().equals(a.sentences().get(i))) {
                continue; // a sentence with no words
            }
            int n = timed.get(k++).words().size();
            out.add(new Sentence((before + n / 2.0) / total, a.phases().get(i).ordinal(), n));
            before += n;
        }
        return out;
    }
}
