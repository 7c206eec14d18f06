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

    /** A rambling three-minute answer at SDE1: its long Situation earns a nudge while it is being told. */
    @Test
    void onAPhoneTheNudgesAreInViewWhileAnswering() {
        serve();
        String card = Fixtures.card("03-search-ranking-regression").id();
        Browser b = browser(Fixtures.wav("03-search-ranking-regression"), Browser.PHONE);
        b.open(base() + "#/q/" + card + "/practice?level=sde1");
        b.waitFor("#start-answer");
        startRecording(b);
        b.waiting(150).until(d -> !b.all("#nudges li").isEmpty());
        WebElement nudge = b.find("#nudges li");
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

    private static boolean inView(Browser b, WebElement e) {
        return Boolean.TRUE.equals(b.js("const r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0;", e));
    }
}
