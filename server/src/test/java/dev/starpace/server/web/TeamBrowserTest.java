package dev.starpace.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starpace.server.Fixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * Team mode in a real headless Chromium: the page sends the browser to the organisation's provider (mock-oauth2-server,
 * a real OpenID Connect provider in this JVM) and back, signed in; the page says who is signed in, its changes carry the
 * session's token (a written answer is kept as the person's), and signing out ends the session.
 */
class TeamBrowserTest {
    @TempDir
    Path dir;

    @Test
    void aCandidateSignsInAnswersAndSignsOutInTheBrowser() throws Exception {
        try (TeamFixture team = new TeamFixture(dir, "");
             Browser browser = new Browser(dir.resolve("chromium"), Fixtures.wav("seed-strong"), Browser.DESKTOP)) {
            team.nextSignIn("ana-sub", "ana@example.edu", "Ana Lopez", List.of());
            browser.open(team.url("/"));
            browser.waiting(60).until(d -> !d.findElements(By.id("who")).isEmpty());
            assertEquals("Ana Lopez (candidate)", browser.text("#who"), "the page says who is signed in");
            assertEquals(team.url("/"), browser.driver.getCurrentUrl(), "back on StarPace's page from the provider");
            assertTrue(browser.find("header.top nav").getText().matches("(?s).*Cohorts\\s*Ana Lopez \\(candidate\\).*"),
                "a candidate's bar has no Review link, and nothing in its place (the docs/teams.md run saw \"Cohortsnull\"): "
                    + browser.find("header.top nav").getText());

            browser.open(team.url("/#/q/" + Seeds.SEED + "/write"));
            browser.waitFor("#typed-answer");
            browser.find("#typed-answer").sendKeys(TeamSignInTest.ANSWER);
            browser.find("#score-typed").click();
            browser.waiting(60).until(d -> d.getCurrentUrl().contains("#/attempt/"));
            String id = browser.driver.getCurrentUrl().replaceAll(".*#/attempt/", "");
            @SuppressWarnings("unchecked")
            Map<String, Object> attempt = (Map<String, Object>) browser.driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "fetch('/api/attempts/' + arguments[0]).then((r) => r.json()).then(done, (e) => done({ error: String(e) }));", id);
            assertEquals("ana-sub", attempt.get("owner"), "kept as hers, through the page's own request with its token");

            browser.find("#sign-out").click();
            browser.waitFor("#signed-out");
            assertTrue(browser.text("#signed-out").startsWith("You have signed out of StarPace."));
            Object status = browser.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch('/api/me').then((r) => done(r.status), (e) => done(String(e)));");
            assertEquals(401L, status, "the session has ended");
            assertEquals(List.of(), browser.policyViolations(), "team.js runs within the page's Content-Security-Policy");
        }
    }

    /**
     * The coach sets one assignment of two questions in the page; the candidate sees the attempts she has used of each,
     * and past the limit the page refuses her next take, written or spoken, with one line; the coach takes her out of the
     * cohort in the page, and her shared take is no longer his to see.
     */
    @Test
    void aCoachSetsSeveralQuestionsACandidatePastTheLimitIsToldAndTheCoachRemovesHer() throws Exception {
        try (TeamFixture team = new TeamFixture(dir, "sign-in.coach-groups = coaches\n");
             Browser browser = new Browser(dir.resolve("chromium"), Fixtures.wav("seed-strong"), Browser.DESKTOP)) {
            TeamFixture.Member cole = team.signIn("cole-sub", "cole@example.edu", "Cole Reyes", "coaches");
            TeamFixture.Member ana = team.signIn("ana-sub", "ana@example.edu", "Ana Lopez");
            String cohort = cole.post("/api/cohorts", "{\"name\": \"Spring cohort\"}").json().get("id").asText();
            cole.post("/api/cohorts/" + cohort + "/members", "{\"email\": \"ana@example.edu\"}");

            TeamReviewBrowserTest.signIn(browser, team, "cole-sub", "cole@example.edu", "Cole Reyes", "coaches");
            TeamReviewBrowserTest.open(browser, team.url("/#/team/cohort/" + cohort));
            browser.waitFor("#assignment-title");
            browser.find("#assignment-title").sendKeys("Week 1");
            Select questions = new Select(browser.find("#assignment-question"));
            assertTrue(questions.isMultiple(), "several questions can be chosen");
            questions.deselectAll();
            questions.selectByValue(Seeds.SEED);
            questions.selectByValue("earn-trust");
            browser.js("document.getElementById('assignment-due').value = '2099-01-31';");
            browser.find("#assignment-attempts").clear();
            browser.find("#assignment-attempts").sendKeys("2");
            browser.find("#set-assignment").click();
            browser.waitFor("#assignments li");
            assertTrue(browser.text("#assignments").startsWith("Week 1 — due 2099-01-31, sde2, 2 attempts of each question\n2 questions: "),
                browser.text("#assignments"));
            assertEquals(2, cole.get("/api/cohorts/" + cohort + "/assignments").json().get(0).get("questions").size(),
                "one assignment of two questions");
            TeamReviewBrowserTest.signOut(browser);

            // Ana has one take already (shared), and writes her second in the page
            String shared = ana.write(Seeds.SEED);
            ana.call("PUT", "/api/attempts/" + shared + "/share", "{\"shared\": true}", true);
            TeamReviewBrowserTest.signIn(browser, team, "ana-sub", "ana@example.edu", "Ana Lopez");
            write(browser, team);
            browser.waiting(60).until(d -> d.getCurrentUrl().contains("#/attempt/"));
            TeamReviewBrowserTest.open(browser, team.url("/#/team/cohorts"));
            browser.waitFor("#my-assignments .attempts-used li");
            List<String> used = browser.all("#my-assignments .attempts-used li").stream().map(e -> e.getText()).toList();
            assertEquals(2, used.size(), used.toString());
            String seed = ana.get("/api/questions/" + Seeds.SEED).json().get("question").asText();
            assertTrue(used.contains(seed + ": 2 of 2 attempts used") && used.stream().anyMatch(u -> u.endsWith(": 0 of 2 attempts used")),
                "the question answered twice, and the other: " + used);

            // a third written take is refused in the page with the one line, and so is a spoken one
            write(browser, team);
            browser.waiting(30).until(d -> !d.findElement(By.id("typed-error")).getText().isEmpty());
            assertEquals(TeamAssignmentsTest.USED_UP, browser.text("#typed-error"));
            TeamReviewBrowserTest.open(browser, team.url("/#/q/" + Seeds.SEED + "/practice?level=sde2"));
            browser.waitFor("#start-answer");
            browser.waiting(30).until(d -> d.findElement(By.id("start-answer")).isEnabled());
            browser.find("#start-answer").click();
            browser.waiting(60).until(d -> !d.findElement(By.id("live-error")).getText().isEmpty());
            assertEquals(TeamAssignmentsTest.USED_UP, browser.text("#live-error"));
            assertEquals(2, ana.get("/api/attempts").json().size(), "the refused takes left nothing");
            TeamReviewBrowserTest.signOut(browser);

            // the coach takes Ana out of the cohort in the page
            TeamReviewBrowserTest.signIn(browser, team, "cole-sub", "cole@example.edu", "Cole Reyes", "coaches");
            TeamReviewBrowserTest.open(browser, team.url("/#/team/cohorts"));
            browser.waitFor("[data-cohort='Spring cohort'] [data-email='ana@example.edu'] .remove-member");
            assertTrue(browser.all("[data-cohort='Spring cohort'] [data-email='cole@example.edu'] .remove-member").isEmpty(),
                "a coach does not remove himself");
            browser.find("[data-cohort='Spring cohort'] [data-email='ana@example.edu'] .remove-member").click();
            browser.waiting(30).until(d -> d.findElements(By.cssSelector("[data-cohort='Spring cohort'] [data-email='ana@example.edu']")).isEmpty());
            assertEquals(404, cole.get("/api/attempts/" + shared).status(), "her shared take is no longer his to see");
            assertEquals(200, ana.get("/api/attempts/" + shared).status(), "and still hers");
            assertEquals(List.of(), browser.policyViolations());
        }
    }

    /** Writes Ana's answer to the seed question in the page and sends it. */
    private static void write(Browser browser, TeamFixture team) {
        TeamReviewBrowserTest.open(browser, team.url("/#/q/" + Seeds.SEED + "/write"));
        browser.waitFor("#typed-answer");
        browser.find("#typed-answer").sendKeys(TeamSignInTest.ANSWER);
        browser.find("#score-typed").click();
    }
}
