package dev.starpace.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starpace.server.Fixtures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The coach's loop in a real headless Chromium against a real team server (PostgreSQL, a real OpenID Connect provider):
 * a coach makes a cohort and adds a candidate; the candidate answers aloud in the page (Chromium's microphone playing a
 * recorded answer) and shares the take; the coach finds it in the review queue, comments on a stretch of it, hears that stretch by clicking the
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

            // Ana answers aloud in the page, through Chromium's microphone (a recorded answer), then shares the take
            signIn(browser, team, "ana-sub", "ana@example.edu", "Ana Lopez");
            String id = spokenTake(browser, team);
            browser.waitFor("#share");
            assertFalse(browser.find("#share").isSelected(), "nothing is shared until she says so");
            assertEquals("No comments yet.", browser.text("#no-comments"));
            browser.find("#share").click();
            browser.waiting(30).until(d -> d.findElement(By.id("share")).isSelected());
            open(browser, team.url("/#/team/cohorts"));
            browser.waitFor("#my-assignments .assignment .done");
            assertTrue(browser.text("#my-assignments").contains("Week 1 (Spring cohort) — due 2099-01-31 · done · 1 of 3 attempts used"),
                browser.text("#my-assignments"));
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
            assertTrue(browser.text("#cohort-table .trend-latest").matches("latest: Situation \\d+/\\d+ s · Task \\d+/\\d+ s · Action \\d+/\\d+ s · Result \\d+/\\d+ s"
                + " · Reflection (\\d+/\\d+ s|–)"),
                "the phases' seconds of her take against their targets: " + row);
            String trend = browser.find("#cohort-table .phase-trend").getAttribute("aria-label");
            assertTrue(trend.matches("phase seconds against their targets over the latest 1 shared take, oldest first: Situation: \\d+ of \\d+ s; Task: .*"),
                "the trend, as a screen reader says it: " + trend);
            browser.shot(screenshot + "-cohort-view");
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
    static void signIn(Browser browser, TeamSite team, String subject, String email, String name, String... groups) {
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
    static void open(Browser browser, String url) {
        browser.open(url);
        browser.driver.navigate().refresh();
    }

    static void signOut(Browser browser) {
        browser.find("#sign-out").click();
        browser.waitFor("#signed-out");
    }

    private static void setValue(Browser browser, String css, String value) {
        WebElement input = browser.find(css);
        input.clear();
        input.sendKeys(value);
    }

    /**
     * Ana's spoken answer in the page: Start, about 15 s of a recorded answer through Chromium's fake microphone, Stop;
     * the page opens the take's report. Its attempt id.
     */
    private static String spokenTake(Browser browser, TeamSite team) {
        open(browser, team.url("/#/q/" + Seeds.SEED + "/practice?level=sde2"));
        browser.waitFor("#start-answer");
        browser.waiting(30).until(d -> d.findElement(By.id("start-answer")).isEnabled());
        browser.find("#start-answer").click();
        browser.waiting(60).until(d -> d.findElement(By.id("recording-status")).getText().equals("Recording…"));
        browser.waiting(90).until(d -> d.findElements(By.cssSelector("#live-transcript .w")).size() >= 20
            && d.findElement(By.id("recording-timer")).getText().compareTo("0:15") >= 0);
        browser.find("#stop-answer").click();
        browser.waiting(120).until(d -> d.getCurrentUrl().contains("#/attempt/"));
        return browser.driver.getCurrentUrl().replaceAll(".*#/attempt/", "");
    }
}
