package dev.starpace.engine.score;

import dev.starpace.engine.rules.RuleResult;
import dev.starpace.engine.timing.Budget;
import dev.starpace.engine.timing.PhaseTiming;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the verdict as a Bar Raiser would say it after the loop: a one-line read of the answer, the reasons in short
 * sentences, what a Strong Hire needs, then the call for this LP. Every part is written from one {@link Findings}:
 * the call is the score's band, lowered only by gaps the reasons name (so two answers with the same score differ
 * only by what the verdict says), and the opening counts the same gaps and the same passed checks the checklist shows.
 */
public final class BarRaiser {
    /** A Strong Hire needs every content check passed, no other gap and at least this score. */
    public static final int STRONG_HIRE_SCORE = 85;
    /** The lowest score of each band: what the score alone would call. */
    public static final int LEANING_HIRE_SCORE = 70;
    public static final int LEANING_NO_HIRE_SCORE = 45;
    /** Leaning Hire allows at most this many gaps, at most one of them in content, and none serious. */
    static final int MOST_GAPS_FOR_LEANING_HIRE = 2;

    private static final String[] COUNT = {"no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"};

    private BarRaiser() {
    }

    /** The verdict on a spoken answer's findings (the form the tests and older callers use). */
    public static Verdict verdict(String lp, Score score, List<PhaseTiming> phases, Budget budget, List<RuleResult> rules) {
        return verdict(lp, score, new Findings(rules, phases, budget, false));
    }

    public static Verdict verdict(String lp, Score score, Findings f) {
        List<Gap> gaps = f.gaps();
        Verdict.Decision decision = decision(score, gaps);
        List<String> reasons = new ArrayList<>();
        for (RuleResult r : f.unclear()) {
            String need = Check.of(r.id()).map(Check::need).orElse(r.id()).replace("no hand-off: you fix it yourself", "no hand-off");
            reasons.add("Unclear on the recording: " + need + (r.replay() == null ? "." : " (replay \"" + r.replay().text() + "\")."));
        }
        gaps.forEach(g -> reasons.add(g.reason()));
        List<String> toStrongHire = new ArrayList<>(gaps.stream().map(Gap::need).toList());
        if (score.total() < STRONG_HIRE_SCORE) {
            toStrongHire.add("a score of " + STRONG_HIRE_SCORE + " or more (this one is " + score.total() + ")");
        }
        String text = opening(decision, f, gaps.size(), score)
            + (reasons.isEmpty() ? "" : " " + String.join(" ", reasons))
            + (toStrongHire.isEmpty() ? "" : " For a Strong Hire: " + String.join("; ", toStrongHire) + ".")
            + " " + decision.label() + " for this LP (" + lp + ").";
        return new Verdict(decision, lp, reasons, text, toStrongHire);
    }

    /** The score's band, lowered by the gaps: any gap rules out a Strong Hire; a serious one or too many, leaning Hire. */
    static Verdict.Decision decision(Score score, List<Gap> gaps) {
        Verdict.Decision band = band(score.total());
        long content = gaps.stream().filter(g -> g.kind() == Gap.Kind.CONTENT).count();
        Verdict.Decision cap = gaps.isEmpty() ? Verdict.Decision.STRONG_HIRE
            : gaps.stream().anyMatch(Gap::serious) || content > 1 || gaps.size() > MOST_GAPS_FOR_LEANING_HIRE
            ? Verdict.Decision.LEANING_NO_HIRE : Verdict.Decision.LEANING_HIRE;
        return band.ordinal() >= cap.ordinal() ? band : cap;
    }

    /** What the score alone would call. */
    public static Verdict.Decision band(int score) {
        return score >= STRONG_HIRE_SCORE ? Verdict.Decision.STRONG_HIRE
            : score >= LEANING_HIRE_SCORE ? Verdict.Decision.LEANING_HIRE
            : score >= LEANING_NO_HIRE_SCORE ? Verdict.Decision.LEANING_NO_HIRE
            : Verdict.Decision.NO_HIRE;
    }

    /**
     * The first line, from the same findings as the call: what the answer does well (the content checks it passed, as
     * the checklist shows them) and how many gaps the reasons go on to name.
     */
    static String opening(Verdict.Decision decision, Findings f, int gaps, Score score) {
        String good = join(f.passed().stream().map(r -> Check.of(r.id()).map(Check::strength).orElse(r.id())).toList());
        boolean nonePassed = f.passed().isEmpty() && !f.failed().isEmpty();
        String held = gaps == 0 ? "" : COUNT[Math.min(gaps, COUNT.length - 1)] + (gaps == 1 ? " gap" : " gaps");
        return switch (decision) {
            case STRONG_HIRE -> good.isEmpty() ? "Clear story." : "Clear story: " + good + ".";
            case LEANING_HIRE -> (good.isEmpty() ? "A sound answer" : "A good answer: " + good)
                + (gaps == 0 ? ", short of a Strong Hire on points (" + score.total() + " of " + STRONG_HIRE_SCORE + ")." : ", with " + held + ".");
            case LEANING_NO_HIRE -> nonePassed ? "Not there yet: none of the content checks passed."
                : good.isEmpty() ? "Not there yet" + (gaps == 0 ? "." : ": " + held + ".")
                : "Some of it lands (" + good + "), but " + (gaps == 0 ? "the timing costs too many points." : held + (gaps == 1 ? " holds" : " hold") + " it back.");
            case NO_HIRE -> nonePassed ? "Light on substance: none of the content checks passed."
                : good.isEmpty() ? "Light on substance." : "Only part of it lands (" + good + "); the rest is missing.";
        };
    }

    private static String join(List<String> parts) {
        if (parts.size() <= 1) {
            return parts.isEmpty() ? "" : parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }

}
