package dev.starpace.server.web;

import dev.starpace.engine.Phase;
import dev.starpace.engine.ScoredTranscript;
import dev.starpace.engine.rules.Evidence;
import dev.starpace.engine.rules.RuleResult;
import dev.starpace.engine.score.Check;
import dev.starpace.engine.timing.PhaseTiming;
import dev.starpace.server.store.Attempt;
import dev.starpace.server.store.FollowUp;
import dev.starpace.engine.habits.WordHabits;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An attempt's report as one self-contained HTML file (styles inline, no scripts, no requests), to keep or
 * share: the score and verdict, each phase against its target, the checklist with its evidence, the
 * transcript coloured and labelled by phase, fillers by kind, and a mock interview's follow-ups.
 */
final class HtmlReport {
    private static final Map<Phase, String> COLOURS = Map.of(Phase.SITUATION, "#3b6a99", Phase.TASK, "#a65300",
        Phase.ACTION, "#3d7a35", Phase.RESULT, "#c0392b", Phase.REFLECTION, "#8a5a83");

    private HtmlReport() {
    }

    static String of(Attempt a) {
        ScoredTranscript t = a.transcript();
        StringBuilder b = new StringBuilder();
        b.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .append("<title>StarPace report: ").append(esc(t.question().text())).append("</title><style>")
            .append("body{font:15px/1.5 system-ui,sans-serif;color:#222;max-width:900px;margin:1.5em auto;padding:0 1em}")
            .append(".bar{height:14px;border-radius:3px;display:inline-block;vertical-align:middle}")
            .append("td,th{padding:.3em .5em;text-align:left;border-bottom:1px solid #eee}table{border-collapse:collapse}")
            .append(".w{border-bottom:3px solid}.flag{background:#fde2c8}.lbl{color:#fff;font-size:.72em;font-weight:700;")
            .append("text-transform:uppercase;border-radius:3px;padding:0 .35em;margin:0 .3em}.pass{color:#2a7a2a}.fail{color:#b00000}.unclear{color:#7a5b00}")
            .append(".ev{display:inline-block;margin:.1em .3em;padding:0 .4em;border-radius:3px;background:#eee}")
            .append(".track{position:relative;display:inline-block;width:320px;height:14px;vertical-align:middle}")
            .append(".target{position:absolute;top:-3px;bottom:-3px;width:2px;background:#222}")
            .append("</style></head><body><h1>StarPace report</h1>");
        b.append("<p><b>").append(esc(t.question().text())).append("</b><br>").append(esc(t.question().lp())).append(" · ")
            .append(a.level().toUpperCase(Locale.ROOT)).append(" · ").append(esc(readable(a.startedAt()))).append("</p>");
        var quality = t.delivery().audio() == null ? null : t.delivery().audio().quality();
        if (quality != null && !quality.fine()) {
            b.append("<p class=\"unclear\">").append(esc(quality.summary())).append("</p>");
        }
        b.append("<h2>").append(t.score().total()).append("/100 — ").append(esc(t.verdict().decision().label())).append("</h2><p><i>")
            .append(esc(t.verdict().text())).append("</i></p>");
        double longest = Math.max(1, t.phases().stream().mapToDouble(p -> Math.max(p.seconds(), p.targetSeconds())).max().orElse(1));
        b.append("<h2>Phases against targets</h2><table>");
        for (PhaseTiming p : t.phases()) {
            // the bar, and a mark at the target it is judged against
            b.append("<tr><th>").append(p.phase().title()).append("</th><td><span class=\"track\"><span class=\"bar\" style=\"background:")
                .append(COLOURS.get(p.phase())).append(";width:").append(Math.round(p.seconds() / longest * 300)).append("px\"></span>")
                .append("<span class=\"target\" title=\"target\" style=\"left:").append(Math.round(p.targetSeconds() / longest * 300))
                .append("px\"></span></span></td><td>")
                .append(Math.round(p.seconds())).append(" s / ").append(Math.round(p.targetSeconds())).append(" · ")
                .append(p.status().id().replace('-', ' ')).append("</td></tr>");
        }
        b.append("</table><p>The black mark on each bar is the phase's target.</p><h2>How the score adds up</h2><table>");
        t.score().parts().forEach(p -> b.append("<tr><th>").append(esc(p.part().substring(0, 1).toUpperCase(Locale.ROOT) + p.part().substring(1)))
            .append("</th><td>").append(Math.round(p.points())).append(" of ").append(Math.round(p.max())).append(" points</td><td>")
            .append(esc(p.note())).append("</td></tr>"));
        b.append("</table><h2>Checklist</h2><ul>");
        for (RuleResult r : t.rules()) {
            b.append("<li class=\"").append(r.state()).append("\">").append(r.mark()).append("<b>")
                .append(esc(Check.nameOf(r.id()))).append("</b> — ").append(esc(r.message())).append("<br>");
            for (Evidence e : r.evidence()) {
                b.append("<span class=\"ev\">").append(esc(e.text())).append("</span>");
            }
            b.append("</li>");
        }
        b.append("</ul><h2>Transcript</h2><p>");
        Phase last = null;
        for (ScoredTranscript.ScoredWord w : t.words()) {
            // a written answer is shown as written: each of the writer's tokens once, on its first word
            String shown = t.written() ? w.shown() : w.word();
            if (shown == null) {
                continue;
            }
            if (w.phase() != last) {
                b.append("<span class=\"lbl\" style=\"background:").append(COLOURS.get(w.phase())).append("\">").append(w.phase().title()).append("</span>");
                last = w.phase();
            }
            b.append("<span class=\"w\" style=\"border-color:").append(COLOURS.get(w.phase())).append("\">").append(esc(shown)).append("</span> ");
        }
        if (t.written()) {
            b.append("</p><h2>Delivery</h2><p>").append(esc(t.score().note())).append("</p>");
        } else {
            List<WordHabits.Count> fillers = t.habits().fillers();
            b.append("</p><h2>Delivery</h2><p>Pace: ").append(Math.round(t.delivery().wordsPerMinute())).append(" words a minute. Fillers: ")
                .append(fillers.isEmpty() ? "none heard" : esc(WordHabits.line(fillers)))
                .append(".</p>");
        }
        t.habits().sentences().forEach(line -> b.append("<p class=\"habits\">").append(esc(line)).append("</p>"));
        if (a.followUps() != null) {
            b.append("<h2>Follow-up questions</h2>");
            for (FollowUp f : a.followUps()) {
                b.append("<p><b>").append(esc(f.verdict().question())).append("</b><br>“").append(esc(f.answer())).append("”<br>Your answer: ")
                    .append(esc(f.verdict().verdict())).append(". ").append(esc(String.join(" ", f.verdict().reasons()))).append("</p>");
            }
        }
        return b.append("</body></html>").toString();
    }

    /** "7 Dec 2026, 10:03 UTC", not the stored instant with its nanoseconds. */
    static String readable(String instant) {
        try {
            return java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(java.time.ZoneOffset.UTC)
                .format(java.time.Instant.parse(instant));
        } catch (java.time.format.DateTimeParseException e) {
            return instant;
        }
    }

    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
