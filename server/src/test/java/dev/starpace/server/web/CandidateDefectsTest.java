package dev.starpace.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.starpace.engine.Phase;
import dev.starpace.engine.transcript.Word;
import dev.starpace.server.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/**
 * The defects a candidate hit (issue 10), each in the real page in headless Chromium against a real server
 * and a real SQLite store, with a fixture WAV as the microphone where an answer is spoken.
 */
class CandidateDefectsTest extends BrowserCase {
    static final String SEED = Seeds.SEED;

    /** A strong story with a generic reflection: a high score and one content gap. */
    static final String ONE_GAP = """
        While working as an SDE2, I noticed a persistent 0.3% webhook drop rate in the Platform team's payment notification service. \
        This caused delayed payment confirmations, impacting customer trust and revenue recognition. Customers were emailing support \
        every week about payments that looked missing, and our finance partners could not close their books on time because \
        confirmations arrived hours late.
        This service belonged to the Platform team - not mine. No ticket existed, and nobody had asked me to investigate the webhook \
        drop issue. I decided to take it on myself because the customers were feeling the pain every day.
        I pulled the webhook delivery logs to analyze failure patterns. I traced the root cause to a race condition in the retry logic. \
        I reproduced the failure locally to confirm the fix. I wrote a minimal patch to serialize retries properly. I added a dead \
        letter queue alert to catch future drops. I submitted a ready-to-merge PR to the Platform team with detailed testing notes. \
        I walked their tech lead through the change and answered every review comment the same day. I watched the dashboards for a \
        week after the release to be sure the fix held under peak load.
        The webhook drop rate dropped from 0.3% to zero. The post-mortem estimated this recovered $8K in weekly revenue. The Platform \
        team adopted my dead letter queue alert pattern as a standard in their webhook templates.
        In the end I learned that communication is important and that teamwork makes everything better.
        """;

    /** "We" ten times in the Action, and ten numbers in the Result. */
    static final String MANY_HITS = """
        Our payment webhooks were failing for some customers and support tickets were piling up every week.
        It was not my team's service and nobody asked me to look, but the customers were hurting.
        We pulled the logs. We traced the bug. We wrote a patch. We added alerts. We shipped it. We tested it again. We reviewed the \
        code. We monitored it for a week. We documented it. We presented it to the team.
        Errors fell from 3% to 0.1%, latency went from 900 ms to 120 ms, we recovered $8,000 a week, 12 customers came back, tickets \
        dropped from 40 to 2 a week, refunds fell by 60%, and uptime reached 99.9%.
        Next time I would propose a shared webhook reliability SLO earlier so the platform team sees drops before customers do.
        """;

    /** Fillers other than "um" and "like", openers and hedges. */
    static final String FILLERS = """
        So, while working as an SDE2, I kind of noticed a persistent 0.3% webhook drop rate in the Platform team's payment \
        notification service. So this caused delayed payment confirmations, you know, impacting customer trust.
        So this service belonged to the Platform team, not mine. No ticket existed, and nobody had asked me to investigate it.
        So I basically pulled the webhook delivery logs. I kind of traced the root cause to a race condition in the retry logic. I \
        reproduced the failure locally. I wrote a minimal patch to serialize retries, you know. I basically added a dead letter queue \
        alert. I kind of submitted a ready-to-merge PR with testing notes. I think it was maybe the right call.
        The webhook drop rate dropped from 0.3% to zero, which kind of recovered $8K in weekly revenue.
        In retrospect, I would have proposed a shared webhook reliability SLO earlier to improve cross-team visibility.
        """;

    private void practice(Browser b) {
        b.open(base() + "#/q/" + SEED + "/practice?level=sde2");
        b.waitFor("#start-answer");
    }

    private void answerFollowUp(Browser b) {
        b.waitFor("#start-answer");
        startRecording(b);
        b.waiting(15).until(d -> b.text("#recording-timer").compareTo("0:04") >= 0);
        b.find("#stop-answer").click();
    }

    private void startRecording(Browser b) {
        b.find("#start-answer").click();
        b.waiting(30).until(d -> b.text("#recording-status").equals("Recording…"));
    }

    /** Records every microphone track the page opens, to see that each is let go. */
    private static void watchMicrophone(Browser b) {
        b.js("""
            window.__tracks = [];
            const open = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
            navigator.mediaDevices.getUserMedia = async (c) => { const s = await open(c); window.__tracks.push(...s.getTracks()); return s; };""");
    }

    @Test
    void leavingPracticeStopsTheRecordingKeepsTheAnswerAndSaysSo() {
        serve();
        Browser b = browser(Fixtures.wav("seed-weak"), Browser.DESKTOP);
        practice(b);
        watchMicrophone(b);
        startRecording(b);
        assertTrue(b.find("#recording-indicator").isDisplayed(), "a clear recording indicator");
        b.waiting(20).until(d -> b.text("#recording-timer").compareTo("0:06") >= 0);
        b.find("#nav-history").click();

        b.waiting(30).until(d -> b.find("#notice").isDisplayed() && b.text("#notice").contains("Recording stopped when you left Practice"));
        b.waiting(60).until(d -> !b.all("#notice-report").isEmpty());
        assertEquals(Boolean.TRUE, b.js("return window.__tracks.length > 0 && window.__tracks.every((t) => t.readyState === 'ended')"),
            "the microphone is let go");
        JsonNode attempts = json("/api/attempts");
        assertEquals(1, attempts.size());
        assertEquals("incomplete", attempts.get(0).get("status").asText(), "stopped and kept as cut off, not left recording nor finished");
        b.waiting(10).until(d -> b.text("#history tr[data-attempt]").contains("cut off"));
        b.shot("left-practice-notice-1400");
        b.find("#notice-report").click();
        b.waitFor("#score");
    }

    @Test
    void theVerdictIsWrittenFromTheAnswersOwnFindingsAndAStrongAnswerReachesStrongHire() {
        AtomicReference<String> gap = new AtomicReference<>();
        AtomicReference<String> strong = new AtomicReference<>();
        serve(s -> {
            gap.set(s.written(ONE_GAP));
            strong.set(s.spoken("seed-strong"));
        });
        Browser b = browser(Browser.DESKTOP);
        b.open(base() + "#/attempt/" + gap.get());
        b.waitFor("#verdict");
        int score = Integer.parseInt(b.text("#score").replace("/100", ""));
        assertTrue(score >= 80, "a high score: " + score);
        assertEquals("Leaning Hire", b.text("#verdict-decision"));
        String verdict = b.text("#verdict");
        assertFalse(verdict.contains("fails on content"), verdict);
        assertFalse(verdict.contains("Hard to follow"), verdict);
        assertTrue(verdict.startsWith("A good answer: you own the Action"), verdict);
        assertTrue(verdict.contains("For a Strong Hire: a reflection specific to this story."), verdict);
        b.shot("verdict-leaning-hire-1400");

        b.open(base() + "#/attempt/" + strong.get());
        b.waiting(30).until(d -> !b.all("#verdict").isEmpty() && b.text("#verdict-decision").equals("Strong Hire"));
        assertTrue(b.text("#verdict").startsWith("Clear story:"), b.text("#verdict"));
    }

    @Test
    void afterNoWordsWereHeardTheCandidateCanStartAgain() throws Exception {
        serve();
        Browser b = browser(silence(20), Browser.DESKTOP);
        practice(b);
        startRecording(b);
        b.waiting(10).until(d -> b.text("#recording-timer").compareTo("0:02") >= 0);
        b.find("#stop-answer").click();
        b.waiting(30).until(d -> b.text("#live-error").startsWith("No words were heard"));
        b.waiting(10).until(d -> b.find("#start-answer").isEnabled());
        assertFalse(b.find("#recording-indicator").isDisplayed());
        b.shot("no-words-heard-1400");
        startRecording(b);
        assertEquals("", b.text("#live-error"), "the old error is cleared for the new go");
    }

    @Test
    void aPhaseShownAsFifteenSecondsOfTwentyIsOnTarget() {
        // Task from 20.0 s to 34.9 s: 14.9 s, shown as "15 s", against a target of 20 (short below 15)
        List<Word> words = new ArrayList<>();
        List<Phase> phases = new ArrayList<>();
        double[][] spans = {{0, 20}, {20, 34.9}, {34.9, 100}, {100, 118}, {118, 130}};
        for (int p = 0; p < spans.length; p++) {
            for (double at = spans[p][0]; at < spans[p][1] - 0.05; at += 0.5) {
                words.add(new Word("word", at, at + 0.3));
                phases.add(Phase.values()[p]);
            }
        }
        AtomicReference<String> id = new AtomicReference<>();
        serve(s -> id.set(s.labelled(words, phases)));
        JsonNode task = json("/api/attempts/" + id.get()).get("transcript").get("phases").get(1);
        assertEquals(14.9, task.get("seconds").asDouble(), 0.01);
        Browser b = browser(Browser.DESKTOP);
        b.open(base() + "#/attempt/" + id.get());
        b.waitFor("#phase-chart text.value");
        String shown = b.all("#phase-chart text.value").get(1).getText();
        assertEquals("15 s / 20 · on target", shown);
    }

    @Test
    void everyPieceOfEvidenceIsShownOrOneClickAway() {
        AtomicReference<String> id = new AtomicReference<>();
        serve(s -> id.set(s.written(MANY_HITS)));
        JsonNode rules = json("/api/attempts/" + id.get()).get("transcript").get("rules");
        Browser b = browser(Browser.DESKTOP);
        b.open(base() + "#/attempt/" + id.get());
        b.waitFor("#rule-checklist");
        for (String rule : List.of("action-first-person", "result-quantified")) {
            int evidence = 0;
            for (JsonNode r : rules) {
                if (r.get("id").asText().equals(rule)) {
                    evidence = r.get("evidence").size();
                }
            }
            assertTrue(evidence > 6, rule + " has " + evidence);
            String item = "#rule-checklist li[data-rule='" + rule + "']";
            assertEquals(6, b.all(item + " .evidence").size());
            WebElement more = b.find(item + " .more");
            assertEquals("+" + (evidence - 6) + " more", more.getText());
            more.click();
            assertEquals(evidence, b.all(item + " .evidence").size(), rule);
        }
    }

    @Test
    void reScoringSaysWhatHappenedKeepsTheTicksAndExplainsAnAttemptWithNoWords() {
        AtomicReference<String> words = new AtomicReference<>();
        AtomicReference<String> silent = new AtomicReference<>();
        serve(s -> {
            words.set(s.written(ONE_GAP));
            silent.set(s.silent());
        });
        Browser b = browser(Browser.DESKTOP);
        b.open(base() + "#/history");
        b.waitFor("#history tr[data-attempt]");
        for (WebElement tick : b.all("#history tr[data-attempt] input[type=checkbox]")) {
            tick.click();
        }
        assertTrue(b.find("#compare").isEnabled());
        b.find("tr[data-attempt='" + words.get() + "'] button.rescore").click();
        b.waiting(20).until(d -> b.text("#history-status").startsWith("Re-scored with today’s rules"));
        b.find("tr[data-attempt='" + silent.get() + "'] button.rescore").click();
        b.waiting(20).until(d -> b.text("#history-status").equals("Nothing to re-score: no words were heard in this attempt."));
        assertEquals(2, b.all("#history input[type=checkbox]").stream().filter(WebElement::isSelected).count(), "the ticks stay");
        assertTrue(b.find("#compare").isEnabled());
        b.shot("history-rescored-1400");
    }

    /** Deleting from History is a write from the app's own page: the browser's Origin and Sec-Fetch-Site let it through. */
    @Test
    void deletingATakeFromHistoryRemovesItForGood() {
        AtomicReference<String> gone = new AtomicReference<>();
        AtomicReference<String> kept = new AtomicReference<>();
        serve(s -> {
            gone.set(s.written(ONE_GAP));
            kept.set(s.written(MANY_HITS));
        });
        Browser b = browser(Browser.DESKTOP);
        b.open(base() + "#/history");
        b.waitFor("tr[data-attempt='" + gone.get() + "'] button.delete");
        b.find("tr[data-attempt='" + gone.get() + "'] button.delete").click();
        b.driver.switchTo().alert().accept();
        b.waiting(20).until(d -> b.text("#history-status").equals("Deleted."));
        b.open(base() + "#/");
        b.open(base() + "#/history");
        b.waitFor("tr[data-attempt='" + kept.get() + "']");
        assertTrue(b.all("tr[data-attempt='" + gone.get() + "']").isEmpty(), "gone when the list is fetched again");
    }

    @Test
    void theReplayKnowsItsDurationAndSeeks() {
        AtomicReference<String> id = new AtomicReference<>();
        serve(s -> id.set(s.spoken("seed-strong")));
        Browser b = browser(Browser.DESKTOP);
        b.open(base() + "#/attempt/" + id.get());
        b.waitFor("#replay-audio");
        b.waiting(30).until(d -> ((Number) b.js("return document.getElementById('replay-audio').readyState")).intValue() >= 1);
        double duration = ((Number) b.js("return document.getElementById('replay-audio').duration")).doubleValue();
        double expected = Fixtures.analysed("seed-strong").audioSeconds();
        assertEquals(expected, duration, 0.2, "a finite duration, the recording's");
        b.js("const a = document.getElementById('replay-audio'); a.currentTime = 40;");
        b.waiting(10).until(d -> ((Number) b.js("return document.getElementById('replay-audio').currentTime")).doubleValue() > 39);
        assertTrue(((Number) b.js("const a = document.getElementById('replay-audio'); return a.seekable.length ? a.seekable.end(0) : 0"))
            .doubleValue() > expected - 0.5, "the whole recording can be sought");
    }

    @Test
    void onAPhoneNothingRunsOffTheScreenAndChartLabelsCanBeRead() {
        AtomicReference<String> id = new AtomicReference<>();
        serve(s -> {
            s.written(ONE_GAP);
            id.set(s.spoken("seed-strong"));
        });
        Browser b = browser(Browser.PHONE);
        b.open(base() + "#/");
        b.waitFor("#question-list .question");
        assertTrue(b.pageWidth() <= Browser.PHONE, "picker " + b.pageWidth() + " px wide");
        b.shot("picker-390");

        b.open(base() + "#/history");
        b.waitFor("#history tr[data-attempt]");
        assertTrue(b.pageWidth() <= Browser.PHONE, "history " + b.pageWidth() + " px wide");
        for (WebElement row : b.all("#history tr[data-attempt]")) {
            for (WebElement part : row.findElements(org.openqa.selenium.By.cssSelector(".attempt-score, button, a.button"))) {
                assertTrue(part.getRect().getX() + part.getRect().getWidth() <= Browser.PHONE, part.getText() + " off screen");
            }
        }
        b.shot("history-390");

        b.open(base() + "#/attempt/" + id.get());
        b.waitFor("#phase-chart text");
        b.waitFor("#answer-timeline");
        assertTrue(b.pageWidth() <= Browser.PHONE, "report " + b.pageWidth() + " px wide");
        for (WebElement label : b.all("#phase-chart text, #answer-timeline text, #pace-chart text")) {
            assertTrue(label.getRect().getHeight() >= 11, "'" + label.getText() + "' is " + label.getRect().getHeight() + " px tall");
        }
        b.shot("report-390");

        b.open(base() + "#/q/" + SEED + "/practice?level=sde2");
        b.waitFor("#start-answer");
        assertTrue(b.pageWidth() <= Browser.PHONE, "practice " + b.pageWidth() + " px wide");
        b.shot("practice-390");
        b.open(base() + "#/q/" + SEED + "/study?level=sde2");
        b.waitFor("#question-title");
        assertTrue(b.pageWidth() <= Browser.PHONE, "study " + b.pageWidth() + " px wide");
    }

    @Test
    void theScreenSpeaksToACandidateNotADeveloper() {
        AtomicReference<String> id = new AtomicReference<>();
        AtomicReference<String> spoken = new AtomicReference<>();
        serve(s -> {
            id.set(s.readAloud(FILLERS));
            spoken.set(s.spoken("seed-strong"));
        });
        Browser b = browser(Browser.DESKTOP);
        b.open(base() + "#/attempt/" + id.get());
        b.waitFor("#rule-checklist");
        String page = b.text("#app");
        for (String developerWord : List.of("task-scope-boundary", "action-first-person", "result-quantified", "reflection-specific",
            "no-disqualifiers", "long-pauses", SEED)) {
            assertFalse(page.contains(developerWord), "'" + developerWord + "' on screen");
        }
        assertFalse(page.matches("(?is).*\\b(structure|timing|content|delivery) [0-9.]+/[0-9]+.*"), "score parts as 'timing 18.5/20'");
        assertTrue(b.all("#app .legend li[class^='phase-']").size() >= 5, "a phase legend beside the colour coding");
        assertFalse(b.all("#report-transcript .phase-start").isEmpty(), "phases named in the transcript, not told by colour alone");
        String passed = b.find("#rule-checklist li.pass .evidence").getCssValue("background-color");
        String failed = b.find("#rule-checklist li.fail .evidence").getCssValue("background-color");
        assertNotEquals(passed, failed, "passed and failed evidence look different");
        String fillerAdvice = b.text("#rule-checklist li[data-rule='fillers']");
        assertTrue(fillerAdvice.contains("\"kind of\""), fillerAdvice);
        assertFalse(fillerAdvice.contains("\"um\""), fillerAdvice);

        b.open(base() + "#/attempt/" + spoken.get());
        b.waitFor("#pause-line");
        assertEquals(1, b.text("#delivery").split("Pauses").length - 1, "one pause count: " + b.text("#delivery"));

        b.open(base() + "#/attempt/no-such-attempt");
        b.waitFor("#error");
        assertEquals("That attempt is not in your history: it may have been deleted.", b.text("#error"));
        b.open(base() + "#/history");
        b.waitFor("#history tr[data-attempt]");
        assertFalse(b.text("#history").contains(SEED));
        assertTrue(b.text("#history").contains("Tell me about a time you went above and beyond for a customer."));
    }

    @Test
    void noSeriousAccessibilityProblemsOnThePickerPracticeReportAndHistory() {
        AtomicReference<String> id = new AtomicReference<>();
        serve(s -> {
            s.written(ONE_GAP);
            id.set(s.spoken("seed-strong"));
        });
        Browser b = browser(Browser.DESKTOP);
        List<String> problems = new ArrayList<>();
        for (String[] view : List.of(new String[] {"#/", "#question-list .question"},
            new String[] {"#/q/" + SEED + "/practice?level=sde2", "#start-answer"},
            new String[] {"#/attempt/" + id.get(), "#answer-timeline"},
            new String[] {"#/history", "#history tr[data-attempt]"},
            new String[] {"#/q/" + SEED + "/study?level=sde2", "#question-title"})) {
            b.open(base() + view[0]);
            b.waitFor(view[1]);
            b.seriousAccessibilityProblems().forEach(p -> problems.add(view[0] + " " + p));
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void aMockInterviewWithoutAVoiceShowsTheQuestionAndKeepsItsFollowUps() {
        serve();
        Browser b = browser(Fixtures.wav("seed-strong"), Browser.DESKTOP);
        b.open(base() + "#/q/" + SEED + "/mock?level=sde2");
        b.waitFor("#begin-mock");
        b.find("#begin-mock").click();
        b.waitFor("#start-answer");
        assertEquals("Tell me about a time you went above and beyond for a customer.", b.text("#interview-question"));
        b.waiting(10).until(d -> b.find("#voice-notice").isDisplayed());
        startRecording(b);
        b.waiting(30).until(d -> b.text("#recording-timer").compareTo("0:12") >= 0);
        b.find("#stop-answer").click();

        // the first follow-up answered: no verdict while the interview goes on (issue 23)
        b.waiting(60).until(d -> !b.all(".probe-question").isEmpty());
        String firstProbe = b.text(".probe-question");
        answerFollowUp(b);
        b.waiting(60).until(d -> b.text("#mock-stage").contains("Follow-up 2 of"));
        assertTrue(b.all("#probe-verdicts [data-verdict]").isEmpty(), "no verdict mid-interview");
        // the next one skipped, then the interview ended
        String secondProbe = b.text(".probe-question");
        b.find("#skip-probe").click();
        b.waiting(20).until(d -> b.text("#mock-stage").contains("Follow-up 3 of"));
        assertEquals("1 answered, 1 skipped so far; the verdicts come at the end.", b.text("#interview-progress"));
        assertFalse(b.text("#app").matches("(?s).*\\b(null|undefined)\\b.*"), "nothing left unrendered: " + b.text("#app"));
        b.shot("mock-follow-up-1400");
        b.find("#end-interview").click();
        b.waitFor("#see-report");
        assertEquals(1, b.all("#probe-verdicts [data-verdict]").size(), "the verdicts at the end");
        assertTrue(b.text("#skipped-probes").contains(secondProbe), "the skipped follow-up is named");
        assertTrue(b.find("#begin-mock").isEnabled(), "a new interview can begin");
        assertEquals("Begin a new interview", b.text("#begin-mock"));
        // answered again from the end: the page says the new answer replaces the earlier one
        assertTrue(b.text("#probe-verdicts .retry-probe").contains("replaces this answer"));
        b.find("#probe-verdicts .retry-probe").click();
        b.waiting(10).until(d -> b.text(".probe-question").equals(firstProbe));
        answerFollowUp(b);
        b.waitFor("#see-report");
        b.waiting(30).until(d -> b.text("#probe-verdicts").contains("this answer replaced the earlier one"));
        b.shot("mock-end-1400");
        b.find("#see-report").click();
        b.waitFor("#follow-ups");
        assertEquals(1, b.all("#follow-ups .follow-up").size(), "one follow-up answered (twice), kept with the attempt");
        assertTrue(b.text("#follow-ups").contains(firstProbe));
        assertTrue(b.text("#unanswered-probes").contains(secondProbe), "the report names what was not answered");
        b.shot("mock-report-1400");

        String id = b.driver.getCurrentUrl().replaceAll(".*#/attempt/", "");
        JsonNode followUp = json("/api/attempts/" + id).get("followUps").get(0);
        String said = " " + followUp.get("answer").asText() + " ";
        for (JsonNode word : followUp.get("verdict").get("sharedWithStrong")) {
            assertTrue(said.contains(" " + word.asText() + " "), "'" + word.asText() + "' is a word as said, not a stem: " + said);
        }
        assertEquals(json("/api/attempts/" + id + "/probes").get(0).get("question").asText(), firstProbe,
            "the first follow-up asked is the one that fits the answer best");
    }
}
