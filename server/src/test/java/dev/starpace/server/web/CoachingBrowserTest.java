package dev.starpace.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starpace.engine.Phase;
import dev.starpace.engine.transcript.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Issue 21 in the browser: a typed answer read as writing, typed takes apart in History, the engine's pace band. */
class CoachingBrowserTest extends BrowserCase {
    /** A short spoken take: each phase a few seconds of words, scored as said. */
    private static String spokenTake(Seeds s) {
        List<Word> words = new ArrayList<>();
        List<Phase> phases = new ArrayList<>();
        double[][] spans = {{0, 20}, {20, 34.9}, {34.9, 60}, {60, 70}, {70, 75}};
        for (int p = 0; p < spans.length; p++) {
            for (double at = spans[p][0]; at < spans[p][1] - 0.05; at += 0.5) {
                words.add(new Word("word", at, at + 0.3));
                phases.add(Phase.values()[p]);
            }
        }
        return s.labelled(words, phases);
    }

    @Test
    void aTypedAnswerIsShownAsWrittenWithNoPaceOrDeliveryVerdict() {
        AtomicReference<String> id = new AtomicReference<>();
        serve(s -> id.set(s.written(CandidateDefectsTest.ONE_GAP)));
        Browser b = browser(Browser.DESKTOP);
        b.open(base() + "#/attempt/" + id.get());
        b.waitFor("#report-transcript");
        String transcript = b.text("#report-transcript");
        assertTrue(transcript.contains("While working as an SDE2, I noticed a persistent 0.3% webhook drop rate in the Platform team's"), transcript);
        assertTrue(b.all("#pace-chart-box").isEmpty(), "no pace chart for a typed answer");
        assertTrue(b.all("li[data-rule='pace']").isEmpty(), "no pace check");
        assertTrue(b.text("#delivery-written").contains("not judged"));
        assertTrue(b.all("#pause-line").isEmpty(), "no pause line");
        String chips = b.text("li[data-rule='result-quantified'] .chips");
        assertTrue(chips.contains("0.3%"), "evidence quotes the writer too: " + chips);
        assertTrue(b.text("#score-note").contains("of the 85 points that apply"), b.text("#score-note"));
        assertFalse(b.text("#verdict").contains("words a minute"), b.text("#verdict"));
        assertTrue(b.text("#attempt-meta").contains("Typed"));
        b.shot("typed-as-writing-1400");
    }

    @Test
    void thePaceBandShownIsTheOneThePaceCheckPasses() {
        AtomicReference<String> id = new AtomicReference<>();
        serve(s -> id.set(spokenTake(s)));
        Browser b = browser(Browser.DESKTOP);
        b.open(base() + "#/attempt/" + id.get());
        b.waitFor("#pace-band");
        assertEquals("The shaded band is 110–170 words a minute, the pace the check passes.", b.text("#pace-band"));
        b.waitFor("#pace-chart");
        assertTrue(b.find("#pace-chart").getAttribute("aria-label").contains("110 to 170"));
        assertEquals("Action told in the first person", b.find("li[data-rule='action-first-person'] b").getText());
    }

    @Test
    void historyKeepsTypedTakesApartAndTheBestTakeIsSpoken() {
        AtomicReference<String> spoken = new AtomicReference<>();
        AtomicReference<String> typed = new AtomicReference<>();
        serve(s -> {
            spoken.set(spokenTake(s));
            typed.set(s.written(CandidateDefectsTest.ONE_GAP));
        });
        int typedScore = json("/api/attempts/" + typed.get()).get("score").asInt();
        int spokenScore = json("/api/attempts/" + spoken.get()).get("score").asInt();
        assertTrue(typedScore > spokenScore, typedScore + " vs " + spokenScore + ": the typed take must score higher to matter");
        Browser b = browser(Browser.DESKTOP);
        b.open(base() + "#/history");
        b.waitFor(".best-take");
        assertTrue(b.find(".best-take").getAttribute("href").endsWith(spoken.get()), "the best take is the spoken one");
        assertTrue(b.text(".typed-takes").contains(typedScore + "/100"), b.text(".typed-takes"));
        assertEquals(1, b.all(".apart-takes li[data-apart='typed']").size(), "the typed take listed apart from the line");
        assertTrue(b.text("#history tr[data-attempt='" + typed.get() + "']").contains("Typed"));
        b.shot("history-typed-apart-1400");
    }
}
