package dev.starpace.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.starpace.server.Fixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/**
 * What a candidate expects beyond the fixes (issue 10): a microphone check and level meter, pictures in the
 * report, habits counted, progress over time, exports, typed answers, and a quiz that shows the right answer.
 */
class CandidateFeaturesTest extends BrowserCase {
    static final String SEED = Seeds.SEED;

    private static double value(Browser b, String css) {
        return ((Number) b.js("return document.querySelector(arguments[0]).value", css)).doubleValue();
    }

    @Test
    void theMicrophoneCanBeCheckedAndItsLevelIsShownWhileRecording() {
        serve();
        Browser b = browser(Fixtures.wav("seed-strong"), Browser.DESKTOP);
        b.open(base() + "#/q/" + SEED + "/practice?level=sde2");
        b.waitFor("#mic-check");
        b.find("#mic-check").click();
        b.waiting(20).until(d -> b.text("#mic-check-status").equals("We can hear you."));
        assertTrue(value(b, "#check-meter") >= 0);
        b.find("#mic-check").click();
        assertEquals("Check the microphone", b.text("#mic-check"));

        b.find("#start-answer").click();
        b.waiting(30).until(d -> b.text("#recording-status").equals("Recording…"));
        assertTrue(b.find("#recording-indicator").isDisplayed());
        assertTrue(b.find("#level-meter").isDisplayed());
        b.waiting(20).until(d -> value(b, "#level-meter") > 0.3);
        b.waiting(30).until(d -> b.all("#live-transcript .w[data-phase]").size() >= 10);
        b.shot("practice-live-1400");
        b.find("#stop-answer").click();
        b.waiting(60).until(d -> d.getCurrentUrl().contains("#/attempt/"));
        b.waitFor("#score");
        assertFalse(b.find("#notice").isDisplayed(), "a finished answer is not announced as left behind: " + b.text("#notice"));
    }

    @Test
    void theReportDrawsTheAnswerOverTimeAndItsPace() {
        AtomicReference<String> id = new AtomicReference<>();
        serve(s -> id.set(s.spoken("seed-strong")));
        JsonNode t = json("/api/attempts/" + id.get()).get("transcript");
        Browser b = browser(Browser.DESKTOP);
        b.open(base() + "#/attempt/" + id.get());
        b.waitFor("#answer-timeline");
        int segments = 0;
        for (JsonNode p : t.get("phases")) {
            segments += p.get("segments").size();
        }
        assertEquals(segments, b.all("#answer-timeline rect.band").size(), "a band per phase segment");
        assertEquals(t.get("delivery").get("audio").get("pauses").get("count").asInt(), b.all("#answer-timeline rect.pause-mark").size());
        b.waiting(30).until(d -> ((Number) b.js("return document.getElementById('replay-audio').readyState")).intValue() >= 1);
        WebElement action = b.find("#answer-timeline rect.band[data-phase='action']");
        action.click();
        double start = t.get("phases").get(2).get("segments").get(0).get("start").asDouble();
        b.waiting(10).until(d -> Math.abs(((Number) b.js("return document.getElementById('replay-audio').currentTime")).doubleValue() - start) < 1.5);
        assertFalse(b.all("#pace-chart polyline.pace-line").isEmpty());
        assertFalse(b.all("#pace-chart rect.pace-band").isEmpty());
        b.js("document.getElementById('replay-audio').pause()");
        b.shot("report-1400");
    }

    @Test
    void fillersOpenersAndHedgesAreCountedByKind() {
        AtomicReference<String> id = new AtomicReference<>();
        serve(s -> id.set(s.written(CandidateDefectsTest.FILLERS)));
        Browser b = browser(Browser.DESKTOP);
        b.open(base() + "#/attempt/" + id.get());
        b.waitFor("#filler-groups");
        String fillers = b.text("#filler-groups");
        assertTrue(fillers.contains("kind of ×3") && fillers.contains("basically ×2") && fillers.contains("you know ×2"), fillers);
        assertTrue(b.text("#opener-groups").contains("so ×4"), b.text("#opener-groups"));
        assertTrue(b.text("#hedge-groups").contains("i think ×1") && b.text("#hedge-groups").contains("maybe ×1"), b.text("#hedge-groups"));
        assertFalse(b.all("#answer-timeline rect.filler-mark").isEmpty(), "fillers marked on the time line");
        // the page shows the engine's figures (one home): the same counts the scored transcript carries
        assertEquals("Most used: webhook ×4", b.text("#most-used"));
        JsonNode habits = json("/api/attempts/" + id.get()).get("transcript").get("habits");
        assertEquals("so", habits.get("openers").get(0).get("text").asText());
        assertEquals(4, habits.get("openers").get(0).get("count").asInt());
        assertEquals(habits.get("hedges").size(), b.text("#hedge-groups").split("×").length - 1, b.text("#hedge-groups"));
    }

    @Test
    void historyShowsProgressPerQuestionWithTheBestTakeMarked() {
        AtomicReference<String> best = new AtomicReference<>();
        serve(s -> {
            s.readAloud(CandidateDefectsTest.MANY_HITS);
            best.set(s.readAloud(CandidateDefectsTest.ONE_GAP));
            s.readAloud(CandidateDefectsTest.FILLERS);
        });
        JsonNode takes = json("/api/questions/" + SEED + "/progress");
        assertEquals(3, takes.size());
        Browser b = browser(Browser.DESKTOP);
        b.open(base() + "#/history");
        b.waitFor(".progress .progress-chart");
        assertEquals(3, b.all(".progress-chart circle").size());
        assertEquals(1, b.all(".progress-chart circle.best").size());
        assertTrue(b.find(".progress .best-take").getAttribute("href").endsWith("#/attempt/" + best.get()));
        assertEquals(15, b.all(".progress-chart rect").size(), "each take's seconds per phase");
        b.shot("history-1400");
    }

    @Test
    void anAttemptExportsItsAudioItsScoredTranscriptAndASelfContainedReport() throws Exception {
        AtomicReference<String> id = new AtomicReference<>();
        serve(s -> id.set(s.spoken("seed-weak")));
        Browser b = browser(Browser.DESKTOP);
        b.open(base() + "#/attempt/" + id.get());
        b.waitFor("#export-html");
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<byte[]> wav = http.send(HttpRequest.newBuilder(URI.create(b.find("#export-audio").getAttribute("href"))).build(),
            HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, wav.statusCode());
        assertTrue(wav.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
        assertEquals("RIFF", new String(wav.body(), 0, 4));
        HttpResponse<String> json = http.send(HttpRequest.newBuilder(URI.create(b.find("#export-json").getAttribute("href"))).build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals("starpace.scored-transcript/1", new ObjectMapper().readTree(json.body()).get("schema").asText());
        HttpResponse<String> html = http.send(HttpRequest.newBuilder(URI.create(base() + "api/attempts/" + id.get() + "/report.html")).build(),
            HttpResponse.BodyHandlers.ofString());
        assertTrue(html.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertFalse(html.body().contains("<script") || html.body().contains("src=") || html.body().contains("<link"), "self-contained");
        b.open(base() + "api/attempts/" + id.get() + "/report.html");
        b.waiting(10).until(d -> d.getTitle().startsWith("StarPace report"));
        assertEquals("inline-block", b.js("return getComputedStyle(document.querySelector('.bar')).display"),
            "opened from the server, its inline styles apply under its own policy");
        assertTrue(b.text("body").contains("i told the platform team about it"), "the evidence, in the HTML report");
        b.shot("export-html-1400");

        b.open(base() + "#/attempt/" + id.get());
        b.waitFor("#practise-again");
        b.find("#practise-again").click();
        b.waitFor("#start-answer");
        assertTrue(b.driver.getCurrentUrl().endsWith("#/q/" + SEED + "/practice?level=sde2"));
    }

    @Test
    void aTypedAnswerGetsTheSameReport() {
        serve();
        Browser b = browser(Browser.DESKTOP);
        b.open(base() + "#/q/" + SEED + "/write?level=sde2");
        b.waitFor("#typed-answer");
        b.find("#score-typed").click();
        assertEquals("Write your answer first.", b.text("#typed-error"));
        b.find("#typed-answer").sendKeys(CandidateDefectsTest.ONE_GAP);
        b.shot("typed-answer-1400");
        b.find("#score-typed").click();
        b.waitFor("#score");
        assertEquals("Leaning Hire", b.text("#verdict-decision"));
        assertTrue(b.text("#attempt-meta").contains("Typed"));
        assertTrue(b.all("#replay-audio").isEmpty(), "no recording to play");
        b.waitFor("#answer-timeline");
    }

    @Test
    void aWrongQuizPickShowsTheRightAnswer() {
        serve();
        Browser b = browser(Browser.DESKTOP);
        b.open(base() + "#/q/" + SEED + "/study?level=sde2");
        b.waitFor(".quiz button[data-option]");
        JsonNode quiz = json("/api/questions/" + SEED).get("quiz").get(0);
        int right = quiz.get("answer").asInt();
        int wrong = right == 0 ? 1 : 0;
        WebElement card = b.all(".quiz").get(0);
        card.findElement(org.openqa.selenium.By.cssSelector("button[data-option='" + wrong + "']")).click();
        WebElement answer = card.findElement(org.openqa.selenium.By.cssSelector("button[data-option='" + right + "']"));
        assertTrue(answer.getAttribute("class").contains("right"));
        assertTrue(answer.getText().endsWith("— the right answer"), answer.getText());
        assertTrue(card.findElement(org.openqa.selenium.By.cssSelector("p.muted")).isDisplayed(), "the explanation");
        b.shot("quiz-1400");
    }
}
