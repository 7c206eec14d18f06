package dev.starpace.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

/** Your own question in the real browser: typed in, listed with the bank's, practised written and as a mock, deleted. */
class OwnQuestionBrowserTest extends BrowserCase {

    @Test
    void aQuestionYouWriteIsListedPractisedKeptWithItsTakesAndDeleted() {
        serve();
        Browser b = browser(Browser.DESKTOP);
        b.open(base());
        b.waitFor("#own-question-box #own-question");
        b.find("#own-add").click();
        b.waiting(10).until(d -> b.text("#own-status").equals("Write the question first: at least 10 characters."));
        b.find("#own-question").sendKeys(OwnQuestionTest.MINE);
        new Select(b.find("#own-lp")).selectByVisibleText("Ownership");
        new Select(b.find("#own-level")).selectByValue("senior");
        b.find("#own-add").click();
        b.waiting(10).until(d -> b.text("#own-status").startsWith("Kept: "));
        b.waitFor(".question.own");
        String mine = ".question.own";
        assertTrue(b.text(mine).contains(OwnQuestionTest.MINE) && b.text(mine).contains("Your question")
            && b.text(mine).contains("Ownership · SENIOR"), b.text(mine));
        assertEquals(b.find(".question").getAttribute("data-id"), b.find(mine).getAttribute("data-id"), "first in the list");
        String id = b.find(mine).getAttribute("data-id");
        b.shot("own-question-1400");

        b.find(mine + " a[data-mode='write']").click();
        b.waitFor("#typed-answer");
        assertEquals(OwnQuestionTest.MINE, b.text("#question-title"));
        assertTrue(b.text("#app .muted").contains("Ownership · SENIOR"), b.text("#app .muted"));
        b.find("#typed-answer").sendKeys(CandidateDefectsTest.ONE_GAP);
        b.find("#score-typed").click();
        b.waitFor("#score");
        assertEquals(OwnQuestionTest.MINE, b.text("#report-question"));
        assertTrue(b.text("#phase-chart-box").length() > 0);

        b.open(base() + "#/q/" + id + "/mock?level=senior");
        b.waitFor("#begin-mock");
        assertTrue(b.text("#app .muted").contains("Ownership · SENIOR"), b.text("#app .muted"));

        b.open(base() + "#/history");
        b.waiting(20).until(d -> b.text("#app").contains(OwnQuestionTest.MINE));

        b.open(base());
        b.waitFor(mine + " .delete-own");
        b.find(mine + " .delete-own").click();
        b.driver.switchTo().alert().accept();
        b.waiting(20).until(d -> b.all(mine).isEmpty());
        assertTrue(b.text("#notice").contains("Deleted your question"), b.text("#notice"));
        assertEquals(0, json("/api/attempts?question=" + id).size(), "its takes went with it");
    }
}
