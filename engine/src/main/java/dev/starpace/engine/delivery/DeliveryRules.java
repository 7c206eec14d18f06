package dev.starpace.engine.delivery;

import dev.starpace.engine.rules.Evidence;
import dev.starpace.engine.rules.RuleResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Delivery findings as rules: pace, filler rate and long pauses, with their stated limits. */
public final class DeliveryRules {
    public static final String PACE = "pace";
    public static final String FILLERS = "fillers";
    public static final String LONG_PAUSES = "long-pauses";
    public static final List<String> IDS = List.of(PACE, FILLERS, LONG_PAUSES);

    public static final double SLOWEST_WPM = 110;
    public static final double FASTEST_WPM = 170;
    public static final double MAX_FILLERS_PER_MINUTE = 3;
    public static final double LONG_PAUSE_SECONDS = 3;

    private DeliveryRules() {
    }

    /** The fillers this answer used most, quoted, so the advice names the candidate's own habits. */
    static String mostUsed(List<Evidence> fillers) {
        Map<String, Long> counts = fillers.stream().collect(Collectors.groupingBy(e -> e.text().toLowerCase(Locale.ROOT),
            LinkedHashMap::new, Collectors.counting()));
        List<String> top = counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
            .limit(3).map(e -> "\"" + e.getKey() + "\"").toList();
        return top.size() == 1 ? top.get(0)
            : String.join(", ", top.subList(0, top.size() - 1)) + " and " + top.get(top.size() - 1);
    }

    public static List<RuleResult> check(Delivery d) {
        List<RuleResult> out = new ArrayList<>();
        double wpm = d.wordsPerMinute();
        long shown = Math.round(wpm);
        if (wpm < SLOWEST_WPM) {
            out.add(RuleResult.fail(PACE, wpm, "You spoke at " + shown + " words a minute: aim for "
                + (int) SLOWEST_WPM + "–" + (int) FASTEST_WPM + " so the story keeps moving.", List.of()));
        } else if (wpm > FASTEST_WPM) {
            out.add(RuleResult.fail(PACE, wpm, "You spoke at " + shown + " words a minute: slow to "
                + (int) SLOWEST_WPM + "–" + (int) FASTEST_WPM + " so the interviewer can take notes.", List.of()));
        } else {
            out.add(RuleResult.pass(PACE, wpm, "Good pace: " + shown + " words a minute.", List.of()));
        }
        Delivery.FillerReport f = d.fillers();
        String fillerText = f.count() + (f.count() == 1 ? " filler" : " fillers") + " (" + f.perMinute() + " a minute)";
        out.add(f.perMinute() > MAX_FILLERS_PER_MINUTE
            ? RuleResult.fail(FILLERS, f.count(), fillerText + ": replace " + mostUsed(f.items()) + " with a short silent pause.", f.items())
            : RuleResult.pass(FILLERS, f.count(), fillerText + ": within " + (int) MAX_FILLERS_PER_MINUTE + " a minute.", f.items()));
        List<Evidence> longPauses = d.pauses().items().stream().filter(p -> p.seconds() >= LONG_PAUSE_SECONDS)
            .map(p -> new Evidence(p.start(), p.end(), "(" + p.seconds() + " s silence after \"" + p.after() + "\")")).toList();
        out.add(longPauses.isEmpty()
            ? RuleResult.pass(LONG_PAUSES, 0, "No silence of " + (int) LONG_PAUSE_SECONDS + " s or more.", List.of())
            : RuleResult.fail(LONG_PAUSES, longPauses.size(), longPauses.size() + " silence" + (longPauses.size() == 1 ? "" : "s")
                + " of " + (int) LONG_PAUSE_SECONDS + " s or more: prepare the story's beats so you don't lose the thread.", longPauses));
        return out;
    }
}
