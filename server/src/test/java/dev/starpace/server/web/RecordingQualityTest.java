package dev.starpace.server.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starpace.server.Fixtures;
import dev.starpace.server.audio.AudioDecoder;
import dev.starpace.server.audio.NoisyAudio;
import dev.starpace.server.audio.WavFile;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A noisy room, heard by the real browser through the fake microphone: said in the mic check, live and in the report. */
class RecordingQualityTest extends BrowserCase {
    @Test
    void aNoisyRoomIsSaidInTheMicCheckWhileRecordingAndInTheReport() throws IOException {
        serve();
        Path noisy = data.resolve("noisy-room.wav");
        AudioDecoder decoder = new AudioDecoder();
        // voices in the room: the browser's noise suppression takes out a steady hiss (12 dB white noise reached the
        // page at 28 dB), not other people talking
        WavFile.write(noisy, NoisyAudio.withBabble(decoder.decode(Fixtures.wav("seed-strong")), 10,
            decoder.decode(Fixtures.wav("seed-weak")), decoder.decode(Fixtures.wav("03-search-ranking-regression"))));
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
        b.waiting(30).until(d -> b.all("#live-transcript .w[data-phase]").size() >= 10);
        b.find("#stop-answer").click();
        b.waiting(60).until(d -> d.getCurrentUrl().contains("#/attempt/"));
        b.waitFor("#report-quality");
        assertTrue(b.text("#report-quality").matches("Noisy recording, 1\\d dB: results less certain — .*"), b.text("#report-quality"));
        b.shot("report-noisy");
    }
}
