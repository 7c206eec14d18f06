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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Mock interviews in the real page (issue 23): a follow-up answer replayed from the report like the main answer, and an
 * interview of several questions, thinking time before each, answered in turn through the live socket and reported
 * once, kept in History. Headless Chromium with a spoken fixture as the microphone, a real server and SQLite store.
 */
class MockInterviewTest extends BrowserCase {
    static final String SEED = Seeds.SEED;

    private static void startRecording(Browser b) {
        b.find("#start-answer").click();
        b.waiting(30).until(d -> b.text("#recording-status").equals("Recording…"));
    }

    /** Answers for {@code seconds} once recording, then stops. */
    private static void speakFor(Browser b, String seconds) {
        b.waiting(30).until(d -> b.text("#recording-status").equals("Recording…"));
        b.waiting(30).until(d -> b.text("#recording-timer").compareTo(seconds) >= 0);
        b.find("#stop-answer").click();
    }

    @Test
    void aFollowUpAnswerKeepsItsRecordingAndIsReplayedFromTheReport() throws Exception {
        serve();
        Browser b = browser(Fixtures.wav("seed-strong"), Browser.DESKTOP);
        b.open(base() + "#/q/" + SEED + "/mock?level=sde2");
        b.waitFor("#begin-mock");
        b.find("#begin-mock").click();
        b.waitFor("#start-answer");
        startRecording(b);
        speakFor(b, "0:10");
        b.waiting(60).until(d -> !b.all(".probe-question").isEmpty());
        b.waitFor("#start-answer");
        startRecording(b);
        speakFor(b, "0:06");
        b.waiting(60).until(d -> b.text("#mock-stage").contains("Follow-up 2 of"));
        b.find("#end-interview").click();
        b.waitFor("#see-report");
        b.find("#see-report").click();
        b.waitFor("#follow-ups .follow-up audio.follow-up-audio");
        WebElement player = b.find("#follow-ups .follow-up-audio");
        assertTrue(player.getAttribute("aria-label").startsWith("your answer to: "), player.getAttribute("aria-label"));
        b.waiting(30).until(d -> ((Number) b.js("return arguments[0].readyState", player)).intValue() >= 1);
        double seconds = ((Number) b.js("return arguments[0].duration", player)).doubleValue();
        assertTrue(seconds >= 5 && seconds < 30, "the player holds the follow-up as answered (about 6 s), not " + seconds + " s");
        // it plays, as the main answer's replay does
        b.js("arguments[0].play()", player);
        b.waiting(15).until(d -> ((Number) b.js("return arguments[0].currentTime", player)).doubleValue() > 0.5);
        b.js("arguments[0].pause()", player);
        b.shot("follow-up-replay-1400");

        String id = b.driver.getCurrentUrl().replaceAll(".*#/attempt/", "");
        assertTrue(json("/api/attempts/" + id).get("followUps").get(0).get("recorded").asBoolean());
        HttpResponse<byte[]> wav = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + "api/attempts/" + id
            + "/follow-ups/" + json("/api/attempts/" + id).get("followUps").get(0).get("probe").asInt() + "/audio")).build(),
            HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, wav.statusCode());
        assertEquals("RIFF", new String(wav.body(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(seconds, (wav.body().length - 44) / 32000.0, 0.2, "the served recording is the one the player plays");
        HttpResponse<String> none = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + "api/attempts/" + id
            + "/follow-ups/4/audio")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, none.statusCode());
        assertEquals(Api.NO_FOLLOW_UP_AUDIO, new ObjectMapper().readTree(none.body()).get("error").asText(), "one line, no trace");
    }

    @Test
    void threeQuestionsWithThinkingTimeAreAnsweredInTurnReportedOnceAndKeptInHistory() {
        serve();
        Browser b = browser(Fixtures.wav("seed-strong"), Browser.DESKTOP);
        b.open(base() + "#/interview");
        b.waitFor("#interview-questions input");
        assertFalse(b.find("#begin-interview").isEnabled(), "nothing picked yet");
        new Select(b.find("#interview-thinking")).selectByValue("15");
        // picked by keyboard: each box focused and ticked with Space
        List<String> picked = List.of(SEED, "earn-trust", "dive-deep");
        for (String q : picked) {
            b.js("document.getElementById(arguments[0]).focus()", "pick-" + q);
            b.press(Keys.SPACE);
        }
        assertEquals("3 picked.", b.text("#interview-picked"));
        b.js("document.getElementById('begin-interview').focus()");
        b.press(Keys.ENTER);

        // question 1: a visible countdown to think, cut short from the keyboard
        b.waitFor("#thinking-left");
        assertEquals("Question 1 of 3", b.text("#interview-step"));
        String first = b.text("#thinking-left");
        assertTrue(first.matches("0:1[0-5]"), first);
        b.waiting(5).until(d -> !b.text("#thinking-left").equals(first));
        assertEquals("Not recording", b.text("#recording-status"), "no recording while thinking");
        b.js("document.getElementById('skip-thinking').focus()");
        b.press(Keys.ENTER);
        speakFor(b, "0:08");

        // question 2: the thinking time runs out and the answer begins by itself
        b.waiting(60).until(d -> b.text("#interview-step").equals("Question 2 of 3"));
        assertTrue(b.find("#thinking").isDisplayed());
        b.waiting(40).until(d -> b.text("#recording-status").equals("Recording…"));
        assertFalse(b.find("#thinking").isDisplayed(), "the countdown is gone once answering");
        speakFor(b, "0:08");

        // question 3, on a phone
        b.waiting(60).until(d -> b.text("#interview-step").equals("Question 3 of 3"));
        b.width(Browser.PHONE);
        assertTrue(inView(b, b.find("#interview-question")) && inView(b, b.find("#skip-thinking")), "the question and its countdown in view at 390 px");
        b.find("#skip-thinking").click();
        b.waiting(30).until(d -> b.text("#recording-status").equals("Recording…"));
        assertTrue(inView(b, b.find("#stop-answer")), "Stop in reach at 390 px");
        assertTrue(b.pageWidth() <= Browser.PHONE, "interview " + b.pageWidth() + " px wide at 390");
        b.shot("interview-answering-390");
        speakFor(b, "0:08");

        // one report for the whole interview
        b.waiting(60).until(d -> !b.all("#interview-answers .interview-answer").isEmpty());
        String interview = b.driver.getCurrentUrl().replaceAll(".*#/interview/", "");
        List<WebElement> answers = b.all("#interview-answers .interview-answer");
        assertEquals(3, answers.size());
        List<Integer> scores = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            WebElement a = answers.get(i);
            assertEquals("yes", a.getAttribute("data-answered"), "answer " + (i + 1));
            String verdict = a.findElement(org.openqa.selenium.By.cssSelector(".interview-verdict")).getText();
            assertTrue(verdict.matches("(Strong Hire|Leaning Hire|Leaning No Hire|No Hire) · \\d+/100 · \\d:\\d\\d"), verdict);
            scores.add(Integer.parseInt(verdict.replaceAll(".* · (\\d+)/100.*", "$1")));
            List<WebElement> phases = a.findElements(org.openqa.selenium.By.cssSelector(".interview-phases tr"));
            assertEquals(5, phases.size(), "each phase's timing");
            assertTrue(phases.get(0).getText().matches("Situation \\d+ s of \\d+ (on target|short|long|not heard)"), phases.get(0).getText());
        }
        assertEquals(json("/api/questions/" + SEED).get("question").asText(), b.text("#interview-answers .interview-answer h3").substring(3),
            "in the order picked");
        assertEquals(Math.round(scores.stream().mapToInt(Integer::intValue).average().orElseThrow()) + "/100", b.text("#interview-average"));
        assertEquals("The average of 3 of 3 answers.", b.text("#interview-answered"));
        assertFalse(b.all("#interview-strengths li, #interview-gaps li").isEmpty(), "what held across the answers");
        assertFalse(b.text("#app").matches("(?s).*\\b(null|undefined|NaN)\\b.*"), b.text("#app"));
        b.shot("interview-report-390");
        b.width(Browser.DESKTOP);
        b.shot("interview-report-1400");
        assertEquals(List.of(), accessibilityProblems(b, "report"));

        // each take has its own report, linked
        b.width(Browser.DESKTOP);
        b.find("#interview-answers .interview-answer a.take-report").click();
        b.waitFor("#score");
        assertEquals(json("/api/questions/" + SEED).get("question").asText(), b.text("#report-question"));

        // and the interview is in History, one line linking back to its report
        b.open(base() + "#/history");
        b.waitFor("#interview-history li[data-interview='" + interview + "'] a");
        assertTrue(b.text("#interview-history li").contains("SDE2 · 3 of 3 answered · average "), b.text("#interview-history li"));
        b.find("#interview-history li a").click();
        b.waitFor("#interview-answers");
        assertEquals(3, json("/api/interviews").get(0).get("answered").asInt());
        JsonNode takes = json("/api/attempts");
        assertEquals(3, takes.size(), "each answer is a take of its own");
        takes.forEach(t -> assertEquals("interview", t.get("mode").asText(), "answered without hints, kept apart from practice progress"));
        assertEquals("mock interview", json("/api/questions/" + SEED + "/progress").get(0).get("apart").asText());
    }

    @Test
    void pickForMeAsksQuestionsOfDifferentPrinciplesAtTheLevelAndAnEndedInterviewSaysWhatWasNotAnswered() {
        serve();
        Browser b = browser(Fixtures.wav("seed-strong"), Browser.DESKTOP);
        b.open(base() + "#/interview");
        b.waitFor("#interview-questions input");
        assertEquals(List.of(), accessibilityProblems(b, "setup"));
        assertTrue(b.pageWidth() <= Browser.PHONE, "setup " + b.pageWidth() + " px wide at 390");
        b.shot("interview-setup-390");
        b.width(Browser.DESKTOP);
        new Select(b.find("#interview-level")).selectByValue("sde1");
        b.waiting(10).until(d -> !b.all("#interview-questions input").isEmpty());
        new Select(b.find("#interview-count")).selectByValue("5");
        b.find("#pick-for-me").click();
        b.waitFor("#interview-step");
        assertEquals("Question 1 of 5", b.text("#interview-step"));
        b.find("#end-interview").click();
        b.waitFor("#interview-answers");
        assertEquals(5, b.all("#interview-answers .interview-answer[data-answered='no'] .not-answered").size(), "each question named as not answered");
        assertEquals("No question was answered.", b.text("#interview-answered"));

        JsonNode interview = json("/api/interviews").get(0);
        assertEquals("sde1", interview.get("level").asText());
        Set<String> lps = new HashSet<>();
        Set<String> forSde1 = new HashSet<>();
        json("/api/questions?level=sde1").forEach(q -> forSde1.add(q.get("id").asText()));
        for (JsonNode q : interview.get("questions")) {
            lps.add(q.get("lp").asText());
            assertTrue(forSde1.contains(q.get("id").asText()), q.get("id").asText() + " is a question for SDE1");
        }
        assertEquals(5, lps.size(), "five different Leadership Principles: " + interview.get("questions"));
    }

    /** What the page (or a script) is told when an interview cannot begin or take an answer: one line each. */
    @Test
    void aWrongInterviewIsToldInOneLine() throws Exception {
        java.util.concurrent.atomic.AtomicReference<String> take = new java.util.concurrent.atomic.AtomicReference<>();
        serve(s -> take.set(s.written(CandidateDefectsTest.ONE_GAP)));
        String three = "\"questions\": [\"" + SEED + "\", \"earn-trust\", \"dive-deep\"]";
        assertEquals("400 A mock interview asks 3 to 5 questions, not 2.", send("POST", "api/interviews",
            "{\"questions\": [\"" + SEED + "\", \"earn-trust\"]}"));
        assertEquals("400 Each question once: the same question was picked twice.", send("POST", "api/interviews",
            "{\"questions\": [\"" + SEED + "\", \"earn-trust\", \"" + SEED + "\"]}"));
        assertEquals("400 A mock interview asks 3 to 5 questions, not 6.", send("POST", "api/interviews", "{\"pick\": 6}"));
        assertEquals("400 Thinking time is 0 to 180 seconds, not 999.", send("POST", "api/interviews", "{\"thinkingSeconds\": 999, " + three + "}"));
        assertEquals("400 unknown level 'sde9' (expected sde1, sde2 or senior)", send("POST", "api/interviews", "{\"level\": \"sde9\", " + three + "}"));
        assertTrue(send("POST", "api/interviews", "{\"questions\": [\"" + SEED + "\", \"earn-trust\", \"no-such-card\"]}")
            .startsWith("404 unknown question 'no-such-card'"));
        assertEquals("404 " + Interviews.NO_INTERVIEW, send("GET", "api/interviews/not-one", null));
        String id = new ObjectMapper().readTree(send("POST", "api/interviews", "{" + three + "}").substring(4)).get("id").asText();
        assertEquals("400 That take answers another question than this interview's question 2.", send("PUT",
            "api/interviews/" + id + "/answers/1", "{\"attemptId\": \"" + take.get() + "\"}"));
        assertEquals("404 This interview has no question 7.", send("PUT", "api/interviews/" + id + "/answers/7",
            "{\"attemptId\": \"" + take.get() + "\"}"));
        assertTrue(send("PUT", "api/interviews/" + id + "/answers/0", "{\"attemptId\": \"" + take.get() + "\"}").startsWith("200 "));
    }

    /** A request with a JSON body; "STATUS error-or-body". */
    private String send(String method, String path, String body) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base() + path)).header("Content-Type", "application/json")
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = HttpClient.newHttpClient().send(r.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = new ObjectMapper().readTree(response.body());
        return response.statusCode() + " " + (json.has("error") ? json.get("error").asText() : response.body());
    }

    /** axe-core's serious problems and what the Tab key cannot reach, at 1400 px then 390 px (left at 390). */
    private static List<String> accessibilityProblems(Browser b, String view) {
        List<String> problems = new ArrayList<>();
        for (int width : new int[] {Browser.DESKTOP, Browser.PHONE}) {
            b.width(width);
            b.seriousAccessibilityProblems().forEach(p -> problems.add(view + " at " + width + ": " + p));
            b.keyboardProblems().forEach(p -> problems.add(view + " at " + width + ": " + p));
        }
        return problems;
    }

    private static boolean inView(Browser b, WebElement e) {
        return Boolean.TRUE.equals(b.js("const r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0;", e));
    }
}
