package dev.starpace.server.web;

import dev.starpace.engine.Phase;
import dev.starpace.engine.ScoredTranscript;
import dev.starpace.engine.rules.RuleResult;
import dev.starpace.engine.score.Check;
import dev.starpace.engine.timing.PhaseStatus;
import dev.starpace.server.store.Attempt;
import dev.starpace.server.store.Interview;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * One report for a whole mock interview: each question with its take's verdict, score and phase timings (or that it
 * was not answered), and what held across the answers: the checks passed in every one (strengths), the checks failed
 * and the phases off target in at least half of them (gaps).
 */
record InterviewReport(String id, String level, String startedAt, int thinkingSeconds, List<Answer> answers, Overall overall) {
    /** A question of the interview and how it was answered; the take's fields are null when it was not. */
    record Answer(int position, String questionId, String question, String lp, String attemptId, String status, Integer score,
                  String verdict, Double durationSeconds, List<PhaseLine> phases) {
    }

    /** A phase's time against its target, as the take's own report shows it. */
    record PhaseLine(Phase phase, double seconds, double targetSeconds, PhaseStatus status) {
    }

    /** Across the answered takes: how many, their average score, and what held in them. */
    record Overall(int asked, int answered, Integer averageScore, List<String> strengths, List<String> gaps) {
    }

    /** A question's text and LP, for one the bank may no longer hold. */
    record Asked(String text, String lp) {
    }

    /**
     * The report of {@code interview}; {@code take} reads an answering take (null when it is gone), {@code asked} a
     * question's text and LP.
     */
    static InterviewReport of(Interview interview, Function<String, Attempt> take, Function<String, Asked> asked) {
        List<Answer> answers = new ArrayList<>();
        List<ScoredTranscript> scored = new ArrayList<>();
        for (int i = 0; i < interview.questions().size(); i++) {
            Interview.Question q = interview.questions().get(i);
            Asked a = asked.apply(q.questionId());
            Attempt t = q.attemptId() == null ? null : take.apply(q.attemptId());
            ScoredTranscript s = t == null ? null : t.transcript();
            if (s != null) {
                scored.add(s);
            }
            answers.add(new Answer(i, q.questionId(), a.text(), a.lp(), t == null ? null : t.id(), t == null ? null : t.status(),
                t == null ? null : t.score(), s == null ? null : s.verdict().decision().label(), t == null ? null : t.durationSeconds(),
                s == null ? List.of() : s.phases().stream()
                    .map(p -> new PhaseLine(p.phase(), p.seconds(), p.targetSeconds(), p.status())).toList()));
        }
        Integer average = scored.isEmpty() ? null
            : (int) Math.round(scored.stream().mapToInt(s -> s.score().total()).average().orElse(0));
        return new InterviewReport(interview.id(), interview.level(), interview.startedAt(), interview.thinkingSeconds(), answers,
            new Overall(answers.size(), scored.size(), average, strengths(scored), gaps(scored)));
    }

    /** The checks passed in every answer, and the phases on target in every one. */
    private static List<String> strengths(List<ScoredTranscript> scored) {
        List<String> out = new ArrayList<>();
        if (scored.isEmpty()) {
            return out;
        }
        tally(scored, RuleResult.PASSED).forEach((id, n) -> {
            if (n == scored.size()) {
                out.add(Check.of(id).map(Check::strength).map(InterviewReport::capital).orElse(Check.nameOf(id)) + " " + inAll(n));
            }
        });
        for (Phase p : Phase.values()) {
            if (phases(scored, p, PhaseStatus.ON_TARGET) == scored.size()) {
                out.add(p.title() + " on target " + inAll(scored.size()));
            }
        }
        return out;
    }

    /** The checks failed, and the phases long or short, in at least half the answers. */
    private static List<String> gaps(List<ScoredTranscript> scored) {
        List<String> out = new ArrayList<>();
        tally(scored, RuleResult.FAILED).forEach((id, n) -> {
            if (2 * n >= scored.size()) {
                out.add("Needs " + Check.of(id).map(Check::need).orElse(Check.nameOf(id)) + " (missed in " + of(n, scored.size()) + ")");
            }
        });
        for (Phase p : Phase.values()) {
            for (PhaseStatus off : List.of(PhaseStatus.LONG, PhaseStatus.SHORT, PhaseStatus.MISSING)) {
                int n = phases(scored, p, off);
                if (n > 0 && 2 * n >= scored.size()) {
                    String how = off == PhaseStatus.MISSING ? "not heard" : off == PhaseStatus.LONG ? "ran long" : "ran short";
                    out.add(p.title() + " " + how + " in " + of(n, scored.size()));
                }
            }
        }
        return out;
    }

    /** How many answers each check ended with {@code status} in (unclear ones count neither way), in the checks' order. */
    private static Map<String, Integer> tally(List<ScoredTranscript> scored, String status) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (ScoredTranscript s : scored) {
            for (RuleResult r : s.rules()) {
                if (Objects.equals(r.status(), status)) {
                    out.merge(r.id(), 1, Integer::sum);
                }
            }
        }
        return out;
    }

    private static int phases(List<ScoredTranscript> scored, Phase p, PhaseStatus status) {
        return (int) scored.stream().filter(s -> s.phases().stream().anyMatch(t -> t.phase() == p && t.status() == status)).count();
    }

    private static String inAll(int n) {
        return n == 1 ? "in the one answer" : "in all " + n + " answers";
    }

    private static String of(int n, int all) {
        return n + " of " + all + (all == 1 ? " answer" : " answers");
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
