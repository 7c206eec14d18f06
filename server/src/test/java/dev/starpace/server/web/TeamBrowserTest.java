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
}
