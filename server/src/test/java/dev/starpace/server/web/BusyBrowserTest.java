package dev.starpace.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** A candidate who starts an answer on a server already hearing all it can is told so in one line, and when to try again. */
class BusyBrowserTest extends BrowserCase {
    @Test
    void aFullServerSaysInOneLineWhenToTryAgain() throws Exception {
        serveHearing(1);
        LiveClient other = LiveClient.connect(server.port());
        other.send(AnswerSocketTest.START);
        other.await("ready");
        Browser b = browser(Browser.DESKTOP);
        b.open(base() + "#/q/" + Seeds.SEED + "/practice?level=sde2");
        b.waitFor("#start-answer");
        b.find("#start-answer").click();
        b.waiting(30).until(d -> !b.text("#live-error").isEmpty());
        String line = b.text("#live-error");
        assertEquals("StarPace is busy: it is already hearing 1 answer, as many as it can follow live; try again in 30 s", line);
        b.waiting(10).until(d -> b.find("#start-answer").isEnabled());
        assertFalse(b.find("#recording-indicator").isDisplayed(), "the microphone is let go");
        b.shot("busy-1400");
        other.send("{\"type\":\"stop\"}");
        other.awaitClose();
    }
}
