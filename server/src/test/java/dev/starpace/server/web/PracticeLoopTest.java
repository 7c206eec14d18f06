package dev.starpace.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.starpace.engine.Level;
import dev.starpace.server.Fixtures;
import dev.starpace.server.store.Attempt;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/**
 * The practice loop a candidate comes back to (issue 23), in the order a candidate meets it, each in the real page in
 * headless Chromium against a real server and SQLite store, a fixture WAV (or silence) as the microphone.
 */
class PracticeLoopTest extends BrowserCase {
    static final String SEED = Seeds.SEED;

    private void startRecording(Browser b) {
        b.find("#start-answer").click();
        b.waiting(30).until(d -> b.text("#recording-status").equals("Recording…"));
    }

    @Test
    void aSilentMicrophoneIsCalledSilentHoldsStartBackAndLeavesNothingInHistory() throws Exception {
        serve();
        Browser b = browser(silence(40), Browser.DESKTOP);
        b.open(base() + "#/q/" + SEED + "/practice?level=sde2");
        b.waitFor("#mic-check");
        b.waiting(10).until(d -> b.text("#live-timeline").contains("0 s of 30"));
        assertFalse(b.find("#live-timeline .bar[data-phase='action'] .target").getAttribute("style").contains("left: 0%"), "target marks before Start");
        b.find("#mic-check").click();
        b.waiting(30).until(d -> b.text("#mic-check-status").equals("Nothing heard yet."));
        String check = b.text("#mic-check-quality");
        assertTrue(check.contains("muted"), check);
        assertFalse(check.toLowerCase().contains("noisy"), "a silent microphone is not a noisy room: " + check);
        assertFalse(b.find("#start-answer").isEnabled(), "no answer into a microphone that hears nothing");
        assertTrue(b.find("#start-held").isDisplayed());
        b.shot("silent-check-1400");

        // the candidate ends the check and answers anyway
        b.find("#mic-check").click();
        assertTrue(b.find("#start-answer").isEnabled());
        startRecording(b);
        b.waiting(15).until(d -> b.text("#recording-timer").compareTo("0:03") >= 0);
        b.find("#stop-answer").click();
        b.waiting(30).until(d -> b.text("#live-error").startsWith("No words were heard"));
        java.util.List<String> warnings = b.all(".quality-warning").stream().filter(WebElement::isDisplayed)
            .map(w -> w.getAttribute("id") + ": " + w.getText()).toList();
        assertEquals(java.util.List.of(), warnings, "the error alone says what to do, once");
        b.shot("silent-stopped-1400");
        b.open(base() + "#/history");
        b.waitFor("main h1");
        b.waiting(10).until(d -> b.text("#app").contains("No attempts yet"));
        assertEquals(0, json("/api/attempts").size(), "an answer in which nothing was heard is not kept");
    }

    @Test
    void progressCountsOnlyFinishedSpokenPracticeTakesOfOneLevelShowsTheOthersApartAndFollowsADelete() {
        AtomicReference<String> gone = new AtomicReference<>();
        serve(s -> {
            gone.set(s.readAloud(CandidateDefectsTest.MANY_HITS));
            s.readAloud(CandidateDefectsTest.ONE_GAP);
            s.written(CandidateDefectsTest.ONE_GAP);
            s.readAloud(CandidateDefectsTest.ONE_GAP, Level.SDE2, "mock", Attempt.COMPLETE);
            s.readAloud(CandidateDefectsTest.FILLERS, Level.SDE2, "practice", Attempt.INCOMPLETE);
            s.readAloud(CandidateDefectsTest.ONE_GAP, Level.SDE1, "practice", Attempt.COMPLETE);
        });
        List<String> apart = new ArrayList<>();
        for (JsonNode t : json("/api/questions/" + SEED + "/progress")) {
            apart.add(t.get("apart").isNull() ? t.get("level").asText() : t.get("apart").asText());
        }
        assertEquals(List.of("sde2", "sde2", "typed", "mock interview", "cut off", "sde1"), apart);
        Browser b = browser(Browser.DESKTOP);
        b.open(base() + "#/history");
        b.waitFor(".level-progress[data-level='sde2'] .progress-chart");
        assertEquals(2, b.all(".level-progress[data-level='sde2'] circle").size(), "two finished spoken SDE2 practice takes");
        assertEquals(1, b.all(".level-progress[data-level='sde1'] circle").size(), "the SDE1 take on its own line");
        assertEquals(List.of("typed", "mock interview", "cut off"),
            b.all(".apart-takes li").stream().map(li -> li.getAttribute("data-apart")).toList(), "the others visible, apart");
        String today = (String) b.js("return new Date().toLocaleDateString(undefined, { day: 'numeric', month: 'short' })");
        assertTrue(b.all(".level-progress[data-level='sde2'] text.date").stream().allMatch(t -> t.getText().equals(today)), "dates under the takes");
        assertTrue(b.text(".level-progress[data-level='sde2'] .seconds-scale").matches("\\d+ s"), "the bars have a seconds scale");
        assertTrue(b.text(".level-progress[data-level='sde2'] .progress-summary").startsWith("2 takes, from "));
        b.shot("progress-apart-1400");

        b.find("tr[data-attempt='" + gone.get() + "'] button.delete").click();
        b.driver.switchTo().alert().accept();
        b.waiting(20).until(d -> b.text("#history-status").equals("Deleted."));
        b.waiting(10).until(d -> b.all(".level-progress[data-level='sde2'] circle").size() == 1);
        assertTrue(b.text(".level-progress[data-level='sde2'] .progress-summary").startsWith("1 take, from "), "the card follows the delete");
    }

    @Test
    void compareRefusesTwoQuestionsAndShowsTargetsVerdictDeliveryRecordingsAndTheWayBack() {
        AtomicReference<String> spoken = new AtomicReference<>();
        AtomicReference<String> typed = new AtomicReference<>();
        AtomicReference<String> other = new AtomicReference<>();
        serve(s -> {
            spoken.set(s.spoken("seed-strong"));
            typed.set(s.written(CandidateDefectsTest.ONE_GAP));
            other.set(s.writtenFor("earn-trust", CandidateDefectsTest.ONE_GAP));
        });
        Browser b = browser(Browser.DESKTOP);
        b.open(base() + "#/history");
        b.waitFor("tr[data-attempt='" + other.get() + "'] input");
        b.find("tr[data-attempt='" + other.get() + "'] input").click();
        b.find("tr[data-attempt='" + typed.get() + "'] input").click();
        assertFalse(b.find("#compare").isEnabled(), "two different questions cannot be compared");
        assertTrue(b.text("#history-status").contains("different questions"), b.text("#history-status"));
        b.open(base() + "#/compare/" + other.get() + "/" + typed.get());
        b.waitFor("#compare-refused");
        assertTrue(b.all("#compare-table").isEmpty(), "no table under the first question's title");

        b.open(base() + "#/history");
        b.waitFor("tr[data-attempt='" + spoken.get() + "'] input");
        b.find("tr[data-attempt='" + spoken.get() + "'] input").click();
        b.find("tr[data-attempt='" + typed.get() + "'] input").click();
        assertTrue(b.find("#compare").isEnabled());
        b.find("#compare").click();
        b.waitFor("#compare-table");
        String situation = b.text("#compare-table tr[data-row='phase-situation']");
        assertTrue(situation.matches("Situation \\d+ s of \\d+ · [a-z ]+ \\d+ s of \\d+ · [a-z ]+"), "against its target: " + situation);
        assertTrue(b.text("#compare-table tr[data-row='verdict']").matches("Verdict (Strong Hire|Leaning Hire|Hire|Leaning No Hire|No Hire|Strong No Hire).*"),
            b.text("#compare-table tr[data-row='verdict']"));
        String pace = b.text("#compare-table tr[data-row='pace']");
        assertTrue(pace.contains("words a minute") && pace.contains("not judged"), pace);
        assertTrue(b.text("#compare-table tr[data-row='fillers']").matches("Fillers \\d+ \\d+"));
        assertEquals(1, b.all("#compare-table audio").size(), "the spoken take's recording; the typed one has none");
        assertEquals(2, b.all("#compare-table a.open-report").size());
        b.shot("compare-1400");
        b.width(Browser.PHONE);
        assertTrue(b.pageWidth() <= Browser.PHONE, "compare " + b.pageWidth() + " px wide at 390");
        b.shot("compare-390");
        b.find("#compare-table a.open-report").click();
        b.waitFor("#score");
    }

    @Test
    void theExportedReportIsAsCompleteAsThePageAndDownloadsAreNamedForTheQuestionAndDay() throws Exception {
        AtomicReference<String> id = new AtomicReference<>();
        serve(s -> id.set(s.spoken("seed-strong")));
        String name = "starpace-" + SEED + "-sde2-\\d{4}-\\d\\d-\\d\\d-\\d{4}\\.";
        HttpClient http = HttpClient.newHttpClient();
        for (String[] download : List.of(new String[] {"audio?download=1", "wav"}, new String[] {"transcript.json", "json"})) {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(base() + "api/attempts/" + id.get() + "/" + download[0])).build(),
                HttpResponse.BodyHandlers.discarding());
            String disposition = r.headers().firstValue("Content-Disposition").orElse("");
            assertTrue(disposition.matches("attachment; filename=\"" + name + download[1] + "\""), disposition);
        }
        String served = new String(http.send(HttpRequest.newBuilder(URI.create(base() + "api/attempts/" + id.get() + "/report.html")).build(),
            HttpResponse.BodyHandlers.ofByteArray()).body(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(served.contains("How the score adds up") && served.contains("class=\"target\"") && served.contains(" UTC"), "the served report too");
        assertFalse(served.matches("(?s).*\\d{4}-\\d\\d-\\d\\dT\\d\\d:.*"), "no raw timestamp in the served report");

        Path downloads = Files.createDirectories(data.resolve("downloads"));
        Browser b = browser(Browser.DESKTOP);
        b.downloadsTo(downloads);
        b.open(base() + "#/attempt/" + id.get());
        b.waitFor("#pace-chart");
        b.waitFor("#answer-timeline");
        b.find("#export-html").click();
        b.waiting(30).until(d -> {
            try (var files = Files.list(downloads)) {
                return files.anyMatch(f -> f.getFileName().toString().endsWith(".html"));
            } catch (java.io.IOException e) {
                return false;
            }
        });
        Path file;
        try (var files = Files.list(downloads)) {
            file = files.filter(f -> f.getFileName().toString().endsWith(".html")).findFirst().orElseThrow();
        }
        assertTrue(file.getFileName().toString().matches(name + "html"), file.getFileName().toString());
        b.open(file.toUri().toString());
        b.waitFor("#score");
        for (String part : List.of("#answer-timeline", "#pace-chart", "#phase-chart line", "#score-parts tr", "#rule-checklist .evidence",
            "#report-transcript .phase-start", "#delivery", ".legend")) {
            assertFalse(b.all(part).isEmpty(), part + " in the exported report");
        }
        assertTrue(b.all("button, audio, script").isEmpty(), "nothing to click or play in a file");
        assertFalse(b.text("#attempt-meta").matches(".*\\d{4}-\\d\\d-\\d\\dT.*"), b.text("#attempt-meta"));
        assertTrue(b.find(".card").getCssValue("background-color").contains("255, 255, 255"), "the page's styles inline");
        b.shot("exported-report-1400");
    }

    /**
     * A rambling three-minute answer at SDE1: its long phase earns a nudge while it is being told, on screen, and at the
     * moment its bar turns long, with the bar's figures (issue 23: "Situation: 58 s of 30" came 16 s after the bar).
     */
    @Test
    void onAPhoneTheNudgesAreInViewWhileAnsweringAndComeWhenTheirBarTurnsLong() {
        serve();
        String card = Fixtures.card("03-search-ranking-regression").id();
        Browser b = browser(Fixtures.wav("03-search-ranking-regression"), Browser.PHONE);
        b.open(base() + "#/q/" + card + "/practice?level=sde1");
        b.waitFor("#start-answer");
        // what the eye sees, with when: each bar turning long (and its label then), each nudge appearing
        b.js("""
            window.__seen = [];
            new MutationObserver(() => document.querySelectorAll('#live-timeline .bar.long').forEach((bar) => {
              if (window.__seen.some((e) => e.bar === bar.dataset.phase)) return;
              window.__seen.push({ bar: bar.dataset.phase, at: performance.now(), label: bar.parentElement.querySelector('.seconds').textContent });
            })).observe(document.getElementById('live-timeline'), { attributes: true, subtree: true, childList: true, characterData: true });
            new MutationObserver(() => document.querySelectorAll('#nudges li').forEach((li, i) => {
              if (window.__seen.some((e) => e.nudge === i)) return;
              window.__seen.push({ nudge: i, at: performance.now(), text: li.textContent });
            })).observe(document.getElementById('nudges'), { childList: true });""");
        startRecording(b);
        b.waiting(150).until(d -> b.all("#nudges li").stream().anyMatch(li -> li.getText().matches("\\w+: \\d+ s of \\d+")));
        WebElement nudge = b.find("#nudges li");
        @SuppressWarnings("unchecked")
        List<java.util.Map<String, Object>> seen = (List<java.util.Map<String, Object>>) b.js("return window.__seen");
        java.util.Map<String, Object> first = seen.stream()
            .filter(e -> e.containsKey("text") && String.valueOf(e.get("text")).matches("\\w+: \\d+ s of \\d+")).findFirst().orElseThrow(() -> new AssertionError("a runs-long nudge: " + seen));
        String text = String.valueOf(first.get("text"));
        String phase = text.substring(0, text.indexOf(':')).toLowerCase(java.util.Locale.ROOT);
        java.util.Map<String, Object> bar = seen.stream().filter(e -> phase.equals(e.get("bar"))).findFirst()
            .orElseThrow(() -> new AssertionError("the " + phase + " bar shows long when its nudge comes: " + seen));
        double apart = Math.abs(((Number) first.get("at")).doubleValue() - ((Number) bar.get("at")).doubleValue());
        assertTrue(apart < 1000, "the nudge comes with the bar turning long, not " + apart + " ms apart: " + seen);
        assertTrue(String.valueOf(bar.get("label")).startsWith(text.substring(text.indexOf(':') + 2)), "the same figures: " + seen);
        assertFalse(b.all("#live-transcript .phase-start").isEmpty(), "the live transcript names its phases, not colour alone");
        assertTrue(inView(b, nudge), "the first nudge is on screen when it comes: " + nudge.getRect());
        // read the transcript further down: the nudges and the Stop button stay in view
        b.js("window.scrollTo(0, document.body.scrollHeight)");
        assertTrue(inView(b, b.find("#nudges li")), "still in view below the fold");
        assertTrue(inView(b, b.find("#stop-answer")), "Stop stays in reach");
        assertTrue(b.pageWidth() <= Browser.PHONE, "practice " + b.pageWidth() + " px wide");
        b.shot("phone-nudge-390");
        b.find("#stop-answer").click();
        b.waitFor("#score");
    }

    @Test
    void everyViewPassesAxeAndEveryControlIsReachedByTabWithItsFocusShownAtBothWidths() {
        AtomicReference<String> spoken = new AtomicReference<>();
        AtomicReference<String> typed = new AtomicReference<>();
        serve(s -> {
            spoken.set(s.spoken("seed-strong"));
            typed.set(s.written(CandidateDefectsTest.ONE_GAP));
            s.readAloud(CandidateDefectsTest.FILLERS);
        });
        java.util.Map<String, String[]> views = EveryViewTest.views(spoken.get(), typed.get());
        // the report's time line marks are drawn once its width is known
        views.put("report", new String[] {"#/attempt/" + spoken.get(), "#answer-timeline .mark"});
        Browser b = browser(Browser.DESKTOP);
        List<String> problems = new ArrayList<>();
        for (int width : new int[] {Browser.DESKTOP, Browser.PHONE}) {
            b.width(width);
            for (java.util.Map.Entry<String, String[]> v : views.entrySet()) {
                b.open(base() + v.getValue()[0]);
                b.waitFor(v.getValue()[1]);
                String where = v.getKey() + " at " + width + ": ";
                b.seriousAccessibilityProblems().forEach(p -> problems.add(where + p));
                b.keyboardProblems().forEach(p -> problems.add(where + p));
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void byKeyboardAloneACandidatePlaysAPauseAWordAndEvidenceAndFocusFollowsEachView() {
        AtomicReference<String> id = new AtomicReference<>();
        serve(s -> id.set(s.spoken("seed-strong")));
        JsonNode t = json("/api/attempts/" + id.get()).get("transcript");
        Browser b = browser(Browser.PHONE);
        b.open(base() + "#/history");
        b.waitFor("#history tr[data-attempt] a[data-open]");
        b.find("#history tr[data-attempt] a[data-open]").sendKeys(org.openqa.selenium.Keys.ENTER);
        b.waitFor("#answer-timeline .mark.pause-mark");
        b.waiting(10).until(d -> "H1".equals(b.js("return document.activeElement.tagName")));
        assertEquals("Report", b.js("return document.activeElement.textContent"), "focus on the new view's heading, not the top of the page");
        b.waiting(30).until(d -> ((Number) b.js("return document.getElementById('replay-audio').readyState")).intValue() >= 1);

        // a pause mark: a tap target at least 24 px wide, reached by Tab, played with Enter
        WebElement pause = b.find("#answer-timeline .mark.pause-mark");
        assertTrue(pause.findElement(org.openqa.selenium.By.cssSelector(".hit")).getRect().getWidth() >= 24, "a mark wide enough to tap");
        tabUntil(b, "#answer-timeline .mark.pause-mark");
        b.press(org.openqa.selenium.Keys.ENTER);
        double pauseAt = t.path("delivery").path("audio").path("pauses").path("items").get(0).get("start").asDouble();
        b.waiting(10).until(d -> Math.abs(audioTime(b) - pauseAt) < 1.5);
        assertTrue(inView(b, b.find("#replay-audio")), "the player playing is in view");

        // the transcript: one tab stop, arrows move word by word, Enter plays from the word
        tabUntil(b, "#report-transcript .w");
        for (int i = 0; i < 5; i++) {
            b.press(org.openqa.selenium.Keys.ARROW_RIGHT);
        }
        assertEquals("5", b.js("return document.activeElement.dataset.index"));
        b.press(org.openqa.selenium.Keys.ENTER);
        double word = t.get("words").get(5).get("start").asDouble();
        b.waiting(10).until(d -> Math.abs(audioTime(b) - word) < 1.0);

        // evidence at the top plays the player further down and brings it into view
        b.js("document.getElementById('replay-audio').pause(); window.scrollTo(0, 0)");
        b.find("#rule-checklist .evidence").click();
        b.waiting(10).until(d -> inView(b, b.find("#replay-audio")));
        b.shot("keyboard-report-390");
    }

    @Test
    void marksAndThePaceBandStandOutFromWhiteTheStudyViewFollowsTheLevelAndThereIsAnIcon() throws Exception {
        AtomicReference<String> id = new AtomicReference<>();
        serve(s -> id.set(s.readAloud(CandidateDefectsTest.FILLERS)));
        Browser b = browser(Browser.DESKTOP);
        b.open(base() + "#/attempt/" + id.get());
        b.waitFor("#answer-timeline .filler-mark");
        b.waitFor("#pace-chart .pace-band-edge");
        for (String[] part : List.of(new String[] {"#answer-timeline rect.filler-mark", "fill"}, new String[] {".legend.marks .swatch.pause-mark", "backgroundColor"},
            new String[] {"#pace-chart .pace-band-edge", "stroke"})) {
            String colour = (String) b.js("return getComputedStyle(document.querySelector(arguments[0]))[arguments[1]]", part[0], part[1]);
            assertTrue(contrastWithWhite(colour) >= 3, part[0] + " " + colour + " has contrast " + contrastWithWhite(colour) + ":1 with white");
        }
        HttpResponse<String> icon = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + "favicon.svg")).build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(200, icon.statusCode(), "no favicon 404 on every page");
        assertTrue(b.text("#score-parts").matches("(?s).*\\b\\d of 5 phases on target.*"), b.text("#score-parts"));

        b.open(base() + "#/q/" + SEED + "/study?level=sde1");
        b.waitFor("#your-level");
        assertEquals("sde1", b.find("#your-level").getAttribute("data-level"));
        assertTrue(b.text("#your-level").startsWith("SDE1 — your level"));
        assertTrue(b.find("#your-level").getLocation().getY() < b.find("[data-level='sde2']").getLocation().getY(), "the picked level first");
    }

    /** WCAG's contrast ratio of an "rgb(r, g, b)" colour against white. */
    private static double contrastWithWhite(String rgb) {
        String[] c = rgb.replaceAll("[^0-9,.]", "").split(",");
        double l = 0;
        double[] weights = {0.2126, 0.7152, 0.0722};
        for (int i = 0; i < 3; i++) {
            double v = Double.parseDouble(c[i]) / 255;
            l += weights[i] * (v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4));
        }
        return 1.05 / (l + 0.05);
    }

    private static double audioTime(Browser b) {
        return ((Number) b.js("return document.getElementById('replay-audio').currentTime")).doubleValue();
    }

    /** Presses Tab until the focus is on an element matching the selector (at most 200 times). */
    private static void tabUntil(Browser b, String css) {
        for (int i = 0; i < 200; i++) {
            if (Boolean.TRUE.equals(b.js("return document.activeElement.matches(arguments[0])", css))) {
                return;
            }
            b.press(org.openqa.selenium.Keys.TAB);
        }
        throw new AssertionError("Tab never reached " + css);
    }

    private static boolean inView(Browser b, WebElement e) {
        return Boolean.TRUE.equals(b.js("const r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0;", e));
    }
}
