package dev.starpace.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
