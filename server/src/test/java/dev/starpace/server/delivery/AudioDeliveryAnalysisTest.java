package dev.starpace.server.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starpace.engine.Phase;
import dev.starpace.engine.delivery.AudioDelivery;
import dev.starpace.engine.transcript.Word;
import dev.starpace.server.audio.Audio;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** TarsosDSP on synthetic voices whose pitch, pauses and unspoken stretches are known exactly. */
class AudioDeliveryAnalysisTest {
    private static final int RATE = Audio.SPEECH_RATE;

    /** A voiced sound: harmonics of a fundamental that moves from {@code fromHz} to {@code toHz}. */
    private static void voice(float[] out, double start, double seconds, double fromHz, double toHz) {
        double phase = 0;
        int from = (int) (start * RATE);
        int n = (int) (seconds * RATE);
        for (int i = 0; i < n; i++) {
            double f = fromHz + (toHz - fromHz) * i / n;
            phase += 2 * Math.PI * f / RATE;
            double v = 0;
            for (int h = 1; h <= 5; h++) {
                v += Math.sin(h * phase) / h;
            }
            out[from + i] = (float) (0.25 * v);
        }
    }

    private static FrameTrack track(float[] samples) {
        FrameTrack track = new FrameTrack(RATE);
        FrameFeeder feeder = new FrameFeeder(RATE, FrameTrack.FRAME, FrameTrack.HOP, track.processors());
        for (int at = 0; at < samples.length; at += 4000) {
            float[] chunk = java.util.Arrays.copyOfRange(samples, at, Math.min(samples.length, at + 4000));
            feeder.push(chunk, chunk.length);
        }
        feeder.finish();
        return track;
    }

    @Test
    void aFlatVoiceIsMonotoneAndAGlidingOneIsNot() {
        float[] flat = new float[RATE * 3];
        voice(flat, 0.2, 2.5, 150, 150);
        List<Word> words = List.of(new Word("flat", 0.2, 2.7));
        AudioDelivery.Pitch p = AudioDeliveryAnalysis.of(track(flat), words, List.of(Phase.ACTION)).pitch();
        assertEquals(150, p.medianHz(), 3);
        assertTrue(p.monotone(), p.toString());

        float[] glide = new float[RATE * 3];
        voice(glide, 0.2, 2.5, 120, 240);
        AudioDelivery.Pitch g = AudioDeliveryAnalysis.of(track(glide), words, List.of(Phase.ACTION)).pitch();
        assertFalse(g.monotone(), g.toString());
        assertTrue(g.rangeSemitones() > 8, "an octave glide spans most of 12 semitones: " + g);
    }

    @Test
    void pausesAreFoundBetweenWordsAndVoiceWithNoWordIsReported() {
        float[] audio = new float[RATE * 5];
        voice(audio, 0.5, 1.0, 140, 180);   // a word
        voice(audio, 2.5, 0.5, 160, 150);   // a word
        voice(audio, 3.6, 0.4, 130, 130);   // voice the recognizer gave no word for ("um")
        List<Word> words = List.of(new Word("first", 0.5, 1.5), new Word("second", 2.5, 3.0));
        AudioDelivery d = AudioDeliveryAnalysis.of(track(audio), words, Collections.nCopies(2, Phase.SITUATION));
        assertEquals(1, d.pauses().count(), d.pauses().toString());
        AudioDelivery.AudioPause pause = d.pauses().items().get(0);
        assertEquals(1.5, pause.start(), 0.1);
        assertEquals(2.5, pause.end(), 0.1);
        assertEquals(1, d.unrecognizedVoice().size(), d.unrecognizedVoice().toString());
        assertEquals(3.6, d.unrecognizedVoice().get(0).start(), 0.1);
        assertTrue(d.rate().syllables() >= 2, d.rate().toString());
        assertTrue(d.loudness().meanDb() > -30 && d.loudness().meanDb() < -5, d.loudness().toString());
    }

    @Test
    void voiceRunningOnIntoTheNextWordIsReportedForItsPartOutsideTheWords() {
        float[] audio = new float[RATE * 4];
        voice(audio, 0.5, 0.6, 140, 170);   // a word
        voice(audio, 1.5, 1.0, 130, 150);   // "um" run straight into the next word, which the recognizer heard alone
        List<Word> words = List.of(new Word("at", 0.5, 1.1), new Word("clinic", 2.0, 2.5));
        AudioDelivery d = AudioDeliveryAnalysis.of(track(audio), words, Collections.nCopies(2, Phase.SITUATION));
        assertEquals(1, d.unrecognizedVoice().size(), d.unrecognizedVoice().toString());
        assertEquals(1.5, d.unrecognizedVoice().get(0).start(), 0.1);
        assertEquals(1.95, d.unrecognizedVoice().get(0).end(), 0.1);

        // the same voice all inside a word is that word
        List<Word> covered = List.of(new Word("at", 0.5, 1.1), new Word("clinic", 1.5, 2.5));
        assertEquals(List.of(), AudioDeliveryAnalysis.of(track(audio), covered, Collections.nCopies(2, Phase.SITUATION))
            .unrecognizedVoice());
    }
}
