package dev.starpace.server.cli;

import dev.starpace.engine.Level;
import dev.starpace.engine.Phase;
import dev.starpace.engine.ScoredTranscript;
import dev.starpace.engine.bank.Card;
import dev.starpace.engine.delivery.InputQuality;
import dev.starpace.engine.habits.WordHabits;
import dev.starpace.engine.rules.RuleResult;
import dev.starpace.engine.timing.PhaseTiming;
import dev.starpace.engine.timing.Segment;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The batch's summary.csv (a row per recording) and report.html (every answer's phase timeline). */
final class BatchSummary {
    private static final String[] COLOURS = {"#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#b07aa1"};

    private BatchSummary() {
    }

    static String csv(List<BatchCommand.Row> rows) {
        Set<String> ruleIds = ruleIds(rows);
        StringBuilder b = new StringBuilder("file,status,error,question,level,duration_s");
        for (Phase p : Phase.values()) {
            b.append(',').append(p.id()).append("_s,").append(p.id()).append("_target_s");
        }
        ruleIds.forEach(id -> b.append(',').append(id));
        // the delivery counts are named apart from the rule columns, which include a "fillers" rule
        b.append(",wpm,filler_count,score,verdict,snr_db,input_quality,most_used,openers,hedges");
        int columns = b.toString().split(",", -1).length;
        b.append('\n');
        for (BatchCommand.Row r : rows) {
            ScoredTranscript t = r.transcript();
            b.append(cell(r.input().toString())).append(',').append(r.status()).append(',').append(cell(r.error()));
            if (t == null) {
                b.append(",".repeat(columns - 3)).append('\n');
                continue;
            }
            b.append(',').append(cell(t.question().id())).append(',').append(t.level().id()).append(',').append(num(t.durationSeconds()));
            for (PhaseTiming p : t.phases()) {
                b.append(',').append(num(p.seconds())).append(',').append(num(p.targetSeconds()));
            }
            for (String id : ruleIds) {
                b.append(',').append(t.rules().stream().filter(x -> x.id().equals(id)).findFirst().map(x -> cell(ruleCell(x))).orElse(""));
            }
            b.append(',').append(num(t.delivery().wordsPerMinute())).append(',').append(t.delivery().fillers().count())
                .append(',').append(t.score().total()).append(',').append(cell(t.verdict().decision().label()));
            InputQuality q = quality(t);
            b.append(',').append(q == null ? "" : num(q.snrDb())).append(',')
                .append(q == null ? "" : cell(q.fine() ? "ok" : q.summary()));
            WordHabits h = t.habits();
            b.append(',').append(cell(WordHabits.line(h.mostUsed()))).append(',').append(cell(WordHabits.line(h.openers())))
                .append(',').append(cell(WordHabits.line(h.hedges()))).append('\n');
        }
        return b.toString();
    }

    static String html(List<BatchCommand.Row> rows, Card card, Level level) {
        StringBuilder b = new StringBuilder();
        b.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>StarPace batch report</title><style>")
            .append("body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222}h1{font-size:1.4em}")
            .append(".answer{border:1px solid #ddd;border-radius:6px;padding:1em;margin:1em 0}")
            .append(".bar{position:relative;height:22px;background:#f3f3f3;border-radius:3px;overflow:hidden;margin:.5em 0}")
            .append(".seg{position:absolute;top:0;height:100%}.legend span{display:inline-block;margin-right:1em}")
            .append(".sw{display:inline-block;width:.9em;height:.9em;margin-right:.3em;vertical-align:-1px}")
            .append("table{border-collapse:collapse}td,th{padding:2px 8px;text-align:left}.fail{color:#b00}.pass{color:#070}.unclear{color:#7a5b00}")
            .append(".error{color:#b00}</style></head><body>");
        b.append("<h1>StarPace batch report</h1><p>").append(esc(card.question())).append(" (").append(esc(card.lp()))
            .append(", level ").append(level.id()).append(") — ").append(rows.size()).append(" recordings</p><p class=\"legend\">");
        for (Phase p : Phase.values()) {
            b.append("<span><i class=\"sw\" style=\"background:").append(COLOURS[p.ordinal()]).append("\"></i>").append(p.title()).append("</span>");
        }
        b.append("</p>");
        for (BatchCommand.Row r : rows) {
            b.append("<section class=\"answer\"><h2>").append(esc(r.input().getFileName().toString())).append("</h2>");
            ScoredTranscript t = r.transcript();
            if (t == null) {
                b.append("<p class=\"error\">Failed: ").append(esc(r.error())).append("</p></section>");
                continue;
            }
            b.append("<p>Score <b>").append(t.score().total()).append("</b>/100 — ").append(esc(t.verdict().decision().label()))
                .append(" — ").append(num(t.durationSeconds())).append(" s</p>");
            InputQuality q = quality(t);
            if (q != null && !q.fine()) {
                b.append("<p class=\"unclear\">").append(esc(q.summary())).append("</p>");
            }
            b.append(timeline(t));
            b.append("<table><tr><th>phase</th><th>seconds</th><th>target</th><th>status</th></tr>");
            for (PhaseTiming p : t.phases()) {
                b.append("<tr><td>").append(p.phase().title()).append("</td><td>").append(num(p.seconds())).append("</td><td>")
                    .append(num(p.targetSeconds())).append("</td><td>").append(p.status().id()).append("</td></tr>");
            }
            b.append("</table><ul>");
            for (RuleResult rule : t.rules()) {
                b.append("<li class=\"").append(rule.state()).append("\">").append(rule.mark())
                    .append(esc(rule.id())).append(": ").append(esc(rule.message())).append("</li>");
            }
            b.append("</ul>");
            t.habits().sentences().forEach(line -> b.append("<p class=\"habits\">").append(esc(line)).append("</p>"));
            b.append("<p><i>").append(esc(t.verdict().text())).append("</i></p></section>");
        }
        return b.append("</body></html>\n").toString();
    }

    /** The answer's phases as coloured spans over its length, with a tick at each phase's target end. */
    private static String timeline(ScoredTranscript t) {
        StringBuilder b = new StringBuilder("<div class=\"bar\" title=\"phase timeline\">");
        double start = t.words().isEmpty() ? 0 : t.words().get(0).start();
        double span = Math.max(t.durationSeconds(), 0.001);
        for (PhaseTiming p : t.phases()) {
            for (Segment s : p.segments()) {
                b.append(String.format(Locale.ROOT, "<div class=\"seg\" style=\"left:%.2f%%;width:%.2f%%;background:%s\" title=\"%s %.1f s\"></div>",
                    (s.start() - start) / span * 100, s.seconds() / span * 100, COLOURS[p.phase().ordinal()], p.phase().title(), s.seconds()));
            }
        }
        return b.append("</div>").toString();
    }

    private static Set<String> ruleIds(List<BatchCommand.Row> rows) {
        Set<String> ids = new LinkedHashSet<>();
        rows.stream().filter(r -> r.transcript() != null).forEach(r -> r.transcript().rules().forEach(x -> ids.add(x.id())));
        return ids;
    }

    /** The recording's quality, when the answer came as audio long enough to tell. */
    static InputQuality quality(ScoredTranscript t) {
        return t == null || t.delivery().audio() == null ? null : t.delivery().audio().quality();
    }

    private static String ruleCell(RuleResult r) {
        return r.state() + (r.value() instanceof String s ? " (" + s + ")" : "");
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /**
     * One CSV cell (RFC 4180): quoted when it holds a comma, a quote, a newline or a carriage return, so that none
     * splits its row; and prefixed with a quote when a spreadsheet would run it as a formula (a file named
     * {@code =HYPERLINK(…).wav}: = + - @, or a tab or carriage return ahead of one), so that it shows as text.
     */
    static String cell(String text) {
        if (text == null) {
            return "";
        }
        String t = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        return t.contains(",") || t.contains("\"") || t.contains("\n") || t.contains("\r") ? "\"" + t.replace("\"", "\"\"") + "\"" : t;
    }

    static String esc(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
