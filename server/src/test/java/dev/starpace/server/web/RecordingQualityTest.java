package dev.starpace.server.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starpace.server.Fixtures;
import dev.starpace.server.audio.NoisyAudio;
import dev.starpace.server.audio.WavFile;
import dev.starpace.engine.Phase;
import dev.starpace.engine.transcript.EstimatedTimings;
import dev.starpace.engine.transcript.Word;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A noisy room, heard by the real browser through the fake microphone: said in the mic check, live and in the report. */
class RecordingQualityTest extends BrowserCase {
    @Test
    void aNoisyRoomIsSaidInTheMicCheckWhileRecordingAndInTheReport() throws IOException {
        serve();
        Path noisy = data.resolve("noisy-room.wav");
        // voices in the room: the browser's noise suppression takes out a steady hiss (12 dB white noise reached the
        // page at 28 dB), not other people talking; babble mixed at 10 dB reached it at 17-19 dB, so 6 dB keeps it noisy
        WavFile.write(noisy, NoisyAudio.withBabble(Fixtures.audio("seed-strong"), 6,
            Fixtures.audio("seed-weak"), Fixtures.audio("03-search-ranking-regression")));
        Browser b = browser(noisy, Browser.DESKTOP);
        b.open(base() + "#/q/" + Seeds.SEED + "/practice?level=sde2");
        b.waitFor("#mic-check");
        b.find("#mic-check").click();
        b.waiting(20).until(d -> !b.text("#mic-check-quality").isEmpty());
        assertTrue(b.text("#mic-check-quality").contains("results less certain — move away from fans"), b.text("#mic-check-quality"));
        b.shot("mic-check-noisy");
        b.find("#mic-check").click();

        b.find("#start-answer").click();
        b.waiting(40).until(d -> b.find("#quality-warning").isDisplayed());
        assertTrue(b.text("#quality-warning").startsWith("Noisy recording,"), b.text("#quality-warning"));
        b.shot("live-noisy");
        b.waiting(60).until(d -> !b.all("#live-transcript .w[data-phase]").isEmpty());
        b.find("#stop-answer").click();
        b.waiting(60).until(d -> d.getCurrentUrl().contains("#/attempt/"));
        b.waitFor("#report-quality");
        assertTrue(b.text("#report-quality").matches("Noisy recording, 1\\d dB: results less certain — .*"), b.text("#report-quality"));
        b.shot("report-noisy");
    }

    @Test
    void aRuleThatTurnsOnUnsureWordsIsShownUnclearWithTheStretchToReplay() {
        // "escalated" and "handled" heard with little confidence: the hand-off rule cannot tell
        Set<String> unsure = Set.of("escalated", "handled");
        List<Word> words = EstimatedTimings.words("I traced the dropped webhooks myself. I escalated it and they handled it on Friday. "
            + "I wrote a retry queue and I added an alert.").stream()
            .map(w -> unsure.contains(w.word()) ? new Word(w.word(), w.start(), w.end(), 0.3) : w).toList();
        String[] id = new String[1];
        serve(s -> id[0] = s.labelled(words, Collections.nCopies(words.size(), Phase.ACTION)));
        Browser b = browser(Browser.DESKTOP);
        b.open(base() + "#/attempt/" + id[0]);
        b.waitFor("#rule-checklist li.unclear");
        b.shot("report-unclear");
        String unclear = (String) b.js("return document.querySelector('#rule-checklist li.unclear').textContent");
        assertTrue(unclear.startsWith("Ownership kept (no hand-off) (unclear on the recording) — Unclear: this turns on words the recognizer"
            + " was unsure of"), unclear);
        assertTrue(b.text("#rule-checklist li.unclear .replay").startsWith("▶ replay “"), b.text("#rule-checklist li.unclear .replay"));
        assertTrue(b.text("#score-parts").contains("1 unclear on the recording left out"), b.text("#score-parts"));
    }
}
