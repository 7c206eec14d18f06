package dev.starpace.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starpace.server.Fixtures;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The coach's loop in a real headless Chromium against a real team server (PostgreSQL, a real OpenID Connect provider):
 * a coach makes a cohort and adds a candidate; the candidate answers aloud (over the live socket, as herself) and shares
 * the take; the coach finds it in the review queue, comments on a stretch of it, hears that stretch by clicking the
 * comment, scores it and marks it reviewed; the candidate sees the comment and the coach's score beside StarPace's.
 */
class TeamReviewBrowserTest {
    @TempDir
    Path dir;

    @Test
    void aCoachReviewsASharedTakeAndTheCandidateSeesIt() throws Exception {
        try (TeamFixture team = new TeamFixture(dir, "sign-in.coach-groups = coaches\n")) {
            coachsLoop(team, "team-review-candidate");
        }
    }

    /** The same loop as a career centre deploys it: two instances on one PostgreSQL behind nginx. */
    @Test
    void theLoopWorksThroughNginxWithTwoInstances() throws Exception {
        try (NginxTeam team = new NginxTeam(dir, "sign-in.coach-groups = coaches\n")) {
            coachsLoop(team, "team-review-candidate-nginx");
        }
    }

    private void coachsLoop(TeamSite team, String screenshot) throws Exception {
        try (Browser browser = new Browser(dir.resolve("chromium"), Fixtures.wav("seed-strong"), Browser.DESKTOP)) {
            try {
                coachsLoop(team, screenshot, browser);
            } catch (RuntimeException | AssertionError e) {
                String page;
                try {
                    browser.shot(screenshot + "-failed");
                    page = browser.find("body").getText() + " at " + browser.driver.getCurrentUrl();
                } catch (RuntimeException gone) {
                    page = "(the browser could not say: " + gone.getMessage().lines().findFirst().orElse("") + ")";
                }
                throw new AssertionError("the page said: " + page, e);
            }
        }
    }

    private void coachsLoop(TeamSite team, String screenshot, Browser browser) throws Exception {
        {
            // the coach makes a cohort and adds Ana by e-mail, before she has ever signed in
            signIn(browser, team, "cole-sub", "cole@example.edu", "Cole Reyes", "coaches");
            open(browser, team.url("/#/team/cohorts"));
            browser.waitFor("#cohort-name");
            browser.find("#cohort-name").sendKeys("Spring cohort");
            browser.find("#create-cohort").click();
            browser.waitFor("[data-cohort='Spring cohort'] .member-email");
            browser.find("[data-cohort='Spring cohort'] .member-email").sendKeys("Ana@Example.edu");
            browser.find("[data-cohort='Spring cohort'] .add-member").click();
            browser.waiting(30).until(d -> d.findElement(By.cssSelector("[data-cohort='Spring cohort'] .members")).getText()
                .contains("ana@example.edu · candidate"));
            // and sets the cohort an assignment: the question Ana will answer, due far ahead
            browser.find("[data-cohort='Spring cohort'] .cohort-view").click();
            browser.waitFor("#assignment-title");
            browser.find("#assignment-title").sendKeys("Week 1");
            browser.js("document.getElementById('assignment-question').value = arguments[0];"
                + "document.getElementById('assignment-due').value = '2099-01-31';", Seeds.SEED);
            browser.find("#set-assignment").click();
            browser.waitFor("#assignments li");
            assertTrue(browser.text("#assignments").startsWith("Week 1 — due 2099-01-31, sde2"), browser.text("#assignments"));
            signOut(browser);

            // Ana answers aloud over the live socket, as herself, then shares the take in the page
            TeamFixture.Member ana = team.signIn("ana-sub", "ana@example.edu", "Ana Lopez");
            String id = spokenTake(team, ana);
            signIn(browser, team, "ana-sub", "ana@example.edu", "Ana Lopez");
            open(browser, team.url("/#/attempt/" + id));
            browser.waitFor("#share");
            assertFalse(browser.find("#share").isSelected(), "nothing is shared until she says so");
            assertEquals("No comments yet.", browser.text("#no-comments"));
            browser.find("#share").click();
            browser.waiting(30).until(d -> d.findElement(By.id("share")).isSelected());
            open(browser, team.url("/#/team/cohorts"));
            browser.waitFor("#my-assignments .assignment .done");
            assertTrue(browser.text("#my-assignments").contains("Week 1 (Spring cohort) — due 2099-01-31 · done"), browser.text("#my-assignments"));
            signOut(browser);

            // the coach reviews it: the queue, a comment on a stretch, hearing it, a score, reviewed
            signIn(browser, team, "cole-sub", "cole@example.edu", "Cole Reyes", "coaches");
            open(browser, team.url("/#/team/review"));
            browser.waitFor("#to-review .queue-item a");
            assertTrue(browser.text("#to-review").startsWith("Ana Lopez — "), browser.text("#to-review"));
            browser.find("#to-review .queue-item a").click();
            browser.waitFor("#comment-text");
            browser.waitFor("#replay-audio");
            setValue(browser, "#comment-start", "2");
            setValue(browser, "#comment-end", "6");
            browser.find("#comment-text").sendKeys("Open with the situation in one sentence.");
            browser.find("#add-comment").click();
            browser.waitFor("#comments .comment");
            String quoted = browser.text("#comments .comment q");
            assertFalse(quoted.isBlank(), "the comment quotes the words said in its stretch");
            browser.find("#comments .comment .hear").click();
            browser.waiting(30).until(d -> ((Number) browser.js("return document.getElementById('replay-audio').currentTime")).doubleValue() >= 2);
            assertEquals(Boolean.FALSE, browser.js("return document.getElementById('replay-audio').paused"), "clicking the comment plays its stretch");
            browser.js("document.getElementById('replay-audio').pause()");
            setValue(browser, "#coach-score-input", "72");
            browser.find("#coach-note").sendKeys("Strong result; shorten the setup.");
            browser.find("#save-score").click();
            browser.waiting(30).until(d -> !d.findElements(By.id("coach-score")).isEmpty());
            browser.find("#mark-reviewed").click();
            browser.waitFor("#reviewed-at");
            open(browser, team.url("/#/team/review"));
            browser.waitFor("#reviewed .queue-item");
            assertTrue(browser.all("#to-review .queue-item").isEmpty(), "it moved to reviewed");
            // the cohort view: per candidate, assignments done, both scores, the phases' seconds
            open(browser, team.url("/#/team/cohorts"));
            browser.waitFor("[data-cohort='Spring cohort'] .cohort-view");
            browser.find("[data-cohort='Spring cohort'] .cohort-view").click();
            browser.waitFor("#cohort-table tbody tr");
            String row = browser.text("#cohort-table tbody tr");
            assertTrue(row.startsWith("Ana Lopez 1 of 1 ") && row.contains(" 72 "), row);
            assertTrue(row.matches(".*\\d+/\\d+/\\d+/\\d+/\\d+$"), "the phases' seconds of her take: " + row);
            signOut(browser);

            // Ana sees the coach's comment and score beside StarPace's
            signIn(browser, team, "ana-sub", "ana@example.edu", "Ana Lopez");
            open(browser, team.url("/#/attempt/" + id));
            browser.waitFor("#coach-score");
            assertEquals("· Coach Cole Reyes: 72/100 — Strong result; shorten the setup.", browser.text("#coach-score").strip());
            assertTrue(browser.text("#team-scores").startsWith("StarPace: "), browser.text("#team-scores"));
            assertTrue(browser.text("#comments").contains("Open with the situation in one sentence."), browser.text("#comments"));
            assertTrue(browser.text("#comments").contains(quoted), "the same stretch");
            browser.shot(screenshot);
            assertEquals(List.of(), browser.policyViolations());
        }
    }

    /** Signs the browser in as this person: StarPace sends it to the provider and back. */
    private static void signIn(Browser browser, TeamSite team, String subject, String email, String name, String... groups) {
        team.nextSignIn(subject, email, name, List.of(groups));
        browser.open(team.url("/sign-in"));
        browser.waiting(60).until(d -> !d.findElements(By.id("who")).isEmpty());
        assertTrue(browser.text("#who").startsWith(name + " ("), browser.text("#who"));
    }

    /**
     * Opens the address as a fresh page load, as a person typing it would: a change of the hash alone while the page's
     * first view is still loading lets that view draw over the new one (app.js's router does not cancel a view in
     * flight).
     */
    private static void open(Browser browser, String url) {
        browser.open(url);
        browser.driver.navigate().refresh();
    }

    private static void signOut(Browser browser) {
        browser.find("#sign-out").click();
        browser.waitFor("#signed-out");
    }

    private static void setValue(Browser browser, String css, String value) {
        WebElement input = browser.find(css);
        input.clear();
        input.sendKeys(value);
    }

    /** A spoken answer of Ana's: the first half of a recorded answer over the live socket with her session. */
    private static String spokenTake(TeamSite team, TeamFixture.Member ana) throws Exception {
        LiveClient live = LiveClient.connect(URI.create("ws://localhost:" + team.port() + "/ws/answer"), Map.of("Cookie", ana.cookieHeader()));
        byte[] pcm = Fixtures.pcm("seed-strong");
        live.send(AnswerSocketTest.START);
        int part = pcm.length / 2 / AnswerSocketTest.FRAME * AnswerSocketTest.FRAME;
        for (int at = 0; at < part; at += AnswerSocketTest.FRAME) {
            live.send(pcm, at, at + AnswerSocketTest.FRAME);
        }
        String id = live.await("ready").get("attemptId").asText();
        live.send("{\"type\":\"stop\"}");
        live.await("scored");
        return id;
    }
}
