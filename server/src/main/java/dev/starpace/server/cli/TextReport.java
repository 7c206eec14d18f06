package dev.starpace.server.cli;

import dev.starpace.engine.Phase;
import dev.starpace.engine.ScoredTranscript;
import dev.starpace.engine.delivery.AudioDelivery;
import dev.starpace.engine.delivery.Delivery;
import dev.starpace.engine.rules.Evidence;
import dev.starpace.engine.rules.RuleResult;
import dev.starpace.engine.score.ScorePart;
import dev.starpace.engine.timing.PhaseTiming;
import java.util.Locale;

/** The scored transcript as a report for a person at a terminal: timeline, phases, flags, delivery, verdict. */
final class TextReport {
    static final int WIDTH = 60;

    private TextReport() {
    }

    static String render(ScoredTranscript t) {
        StringBuilder out = new StringBuilder();
        out.append(t.question().text()).append('\n');
        out.append(t.question().lp()).append(" | level ").append(t.level().id()).append(" | answer ")
            .append(seconds(t.durationSeconds())).append(" against a budget of ").append(seconds(t.budget().minSeconds()))
            .append("-").append(seconds(t.budget().maxSeconds())).append(" (").append(t.budget().status().id()).append(")\n\n");

        out.append("Timeline (S situation, T task, A action, R result, F reflection)\n  ").append(timeline(t)).append('\n');
        out.append("  0s").append(" ".repeat(WIDTH - 4 - seconds(t.durationSeconds()).length()))
            .append(seconds(t.durationSeconds())).append("\n\n");

        out.append("Phases against targets\n");
        double longest = t.phases().stream().mapToDouble(p -> Math.max(p.seconds(), p.targetSeconds())).max().orElse(1);
        for (PhaseTiming p : t.phases()) {
            out.append(String.format(Locale.ROOT, "  %-10s %6s of %-5s %-9s %s%n", p.phase().title(), seconds(p.seconds()),
                seconds(p.targetSeconds()), p.status().id(), bar(p.seconds(), p.targetSeconds(), longest)));
        }

        out.append("\nRules\n");
        for (RuleResult r : t.rules()) {
            out.append(String.format(Locale.ROOT, "  %s %-20s %s%n", r.unclear() ? "????" : r.passed() ? "PASS" : "FAIL", r.id(), r.message()));
            if (r.replay() != null) {
                out.append("         replay ").append(evidence(r.replay())).append('\n');
            } else if (!r.passed() || r.id().equals("result-quantified")) {
                r.evidence().stream().limit(4).forEach(e -> out.append("         ").append(evidence(e)).append('\n'));
            }
        }

        Delivery d = t.delivery();
        out.append("\nDelivery\n");
        if (t.written()) {
            // a typed answer was never spoken: its timings are estimated, so no pace, pause or filler is judged
            out.append("  ").append(t.score().note()).append('\n');
        } else {
            spokenDelivery(out, d);
        }
        t.habits().sentences().forEach(line -> out.append("  ").append(line).append('\n'));

        out.append("\nScore ").append(t.score().total()).append("/100 (");
        for (int i = 0; i < t.score().parts().size(); i++) {
            ScorePart p = t.score().parts().get(i);
            out.append(i == 0 ? "" : ", ").append(p.part()).append(' ').append(number(p.points())).append('/').append(number(p.max()));
        }
        out.append(")\n\nBar Raiser: ").append(t.verdict().text()).append('\n');
        return out.toString();
    }

    /** Pace, fillers and pauses, and what the audio showed: only for an answer that was spoken. */
    private static void spokenDelivery(StringBuilder out, Delivery d) {
        out.append(String.format(Locale.ROOT, "  pace %.0f words a minute", d.wordsPerMinute()));
        d.phaseWordsPerMinute().forEach((phase, wpm) -> out.append(String.format(Locale.ROOT, ", %s %.0f", phase.letter(), wpm)));
        out.append(String.format(Locale.ROOT, "%n  fillers %d (%.1f a minute), pauses of %.0f s or more: %d, longest %.1f s%n",
            d.fillers().count(), d.fillers().perMinute(), d.pauses().thresholdSeconds(), d.pauses().count(), d.pauses().longestSeconds()));

        if (d.audio() != null) {
            AudioDelivery a = d.audio();
            out.append(String.format(Locale.ROOT, "  from the audio: %d pauses of %.1f s or more (%d between sentences, %d within),"
                    + " %.0f syllables a minute (%.0f while speaking)%n", a.pauses().count(), a.pauses().minSeconds(),
                a.pauses().betweenSentences(), a.pauses().withinSentences(), a.rate().syllablesPerMinute(),
                a.rate().articulationSyllablesPerMinute()));
            out.append(String.format(Locale.ROOT, "  pitch %.0f Hz, varies %.1f semitones%s; loudness %.0f dBFS (range %.0f dB)%n",
                a.pitch().medianHz(), a.pitch().variationSemitones(), a.pitch().monotone() ? " (monotone: vary your pitch)" : "",
                a.loudness().meanDb(), a.loudness().rangeDb()));
            if (a.quality() != null) {
                out.append(a.quality().fine()
                    ? String.format(Locale.ROOT, "  recording: %.0f dB over the room's noise, speech at %.0f dBFS, no clipping%n",
                        a.quality().snrDb(), a.quality().speechDb())
                    : "  recording: " + a.quality().summary() + "\n");
            }
            if (!a.unrecognizedVoice().isEmpty()) {
                out.append("  voice with no word (maybe fillers the recognizer dropped): ").append(a.unrecognizedVoice().size())
                    .append(" at ").append(String.join(", ", a.unrecognizedVoice().stream().limit(5).map(e -> seconds(e.start())).toList()))
                    .append('\n');
            }
        }
    }

    /** One letter per slice of time: the phase of the word (or the pause after it) at that moment. */
    static String timeline(ScoredTranscript t) {
        char[] line = new char[WIDTH];
        double start = t.words().get(0).start();
        double span = Math.max(t.durationSeconds(), 1e-6);
        int w = 0;
        for (int i = 0; i < WIDTH; i++) {
            double time = start + (i + 0.5) / WIDTH * span;
            while (w + 1 < t.words().size() && t.words().get(w + 1).start() <= time) {
                w++;
            }
            line[i] = t.words().get(w).phase().letter().charAt(0);
        }
        return new String(line);
    }

    private static String bar(double seconds, double target, double longest) {
        int width = 30;
        int filled = (int) Math.round(seconds / longest * width);
        int mark = (int) Math.round(target / longest * width);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i <= width; i++) {
            b.append(i == mark ? '|' : i < filled ? '#' : '.');
        }
        return b.toString();
    }

    private static String evidence(Evidence e) {
        return String.format(Locale.ROOT, "%s-%s \"%s\"", seconds(e.start()), seconds(e.end()), e.text());
    }

    static String seconds(double s) {
        return String.format(Locale.ROOT, "%.1fs", s);
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

}
