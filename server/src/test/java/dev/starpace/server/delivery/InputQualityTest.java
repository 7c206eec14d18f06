package dev.starpace.server.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starpace.engine.delivery.InputQuality;
import dev.starpace.server.Fixtures;
import dev.starpace.server.audio.Audio;
import dev.starpace.server.audio.NoisyAudio;
import dev.starpace.server.audio.WavFile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The recording's quality, measured on real fixture speech with noise, gain and loss of level put in at known amounts. */
class InputQualityTest {
    private static final Audio CLEAN = WavFile.read(Fixtures.wav("seed-weak"));
    /** The SNR estimate lands within this of the ratio the noise was mixed at (it measured within 1 dB on the noisy corpus). */
    static final double SNR_TOLERANCE_DB = 2;

    static InputQuality measure(Audio audio) {
        FrameTrack track = new FrameTrack(Audio.SPEECH_RATE);
        FrameFeeder feeder = new FrameFeeder(Audio.SPEECH_RATE, FrameTrack.FRAME, FrameTrack.HOP, track.processors());
        feeder.push(audio.samples(), audio.samples().length);
        feeder.finish();
        return track.quality();
    }

    @Test
    void aCleanRecordingIsFine() {
        InputQuality q = measure(CLEAN);
        assertTrue(q.fine(), q.toString());
        assertTrue(q.snrDb() > 30, q.toString());
    }

    @Test
    void noiseIsMeasuredAtTheRatioItWasMixedAtAndSaidInOneLine() {
        for (double snr : new double[] {10, 14, 20, 25}) {
            InputQuality q = measure(NoisyAudio.withWhiteNoise(CLEAN, snr, 7));
            assertEquals(snr, q.snrDb(), SNR_TOLERANCE_DB, q.toString());
        }
        InputQuality noisy = measure(NoisyAudio.withWhiteNoise(CLEAN, 14, 7));
        assertEquals(List.of("noisy"), noisy.problems());
        assertTrue(noisy.summary().matches("noisy recording, 1[345] dB: results less certain"), noisy.summary());
        assertTrue(measure(NoisyAudio.withWhiteNoise(CLEAN, 25, 7)).fine());
    }

    @Test
    void clippingAndAVeryLowLevelAreFound() {
        InputQuality loud = measure(NoisyAudio.scaled(CLEAN, 30));
        assertTrue(loud.problems().contains("clipped"), loud.toString());
        assertTrue(loud.summary().startsWith("clipped recording ("), loud.summary());
        InputQuality quiet = measure(NoisyAudio.scaled(CLEAN, 0.003));
        assertTrue(quiet.problems().contains("quiet"), quiet.toString());
        assertTrue(quiet.summary().contains("very quiet recording"), quiet.summary());
    }
}
