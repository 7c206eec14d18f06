package dev.starpace.server.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starpace.server.Fixtures;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudioInputTest {
    @TempDir
    Path dir;

    private final AudioDecoder decoder = new AudioDecoder();

    @Test
    void anyCommonWavLayoutBecomesSixteenKilohertzMono() throws IOException {
        Audio speech = decoder.decode(Fixtures.wav("seed-weak"));
        assertEquals(Audio.SPEECH_RATE, speech.sampleRate());
        Audio cd = Resampling.to(speech, 44_100);
        for (int bits : new int[] {8, 16, 24, 32}) {
            Path file = dir.resolve("stereo-" + bits + ".wav");
            Files.write(file, wav(cd, 2, bits, false));
            Audio back = decoder.decode(file);
            assertEquals(Audio.SPEECH_RATE, back.sampleRate());
            assertEquals(speech.seconds(), back.seconds(), 0.01, bits + "-bit");
            assertTrue(correlation(speech.samples(), back.samples()) > 0.95, bits + "-bit audio survives the round trip");
        }
        Path floats = dir.resolve("float.wav");
        Files.write(floats, wav(Resampling.to(speech, 48_000), 1, 32, true));
        assertTrue(correlation(speech.samples(), decoder.decode(floats).samples()) > 0.95);
        Path low = dir.resolve("8k.wav");
        Files.write(low, wav(Resampling.to(speech, 8_000), 1, 16, false));
        assertEquals(speech.seconds(), decoder.decode(low).seconds(), 0.01);
    }

    @Test
    void otherFormatsGoThroughFfmpeg() throws Exception {
        Path mp3 = dir.resolve("answer.mp3");
        Process p = new ProcessBuilder("ffmpeg", "-nostdin", "-v", "error", "-i", Fixtures.wav("seed-weak").toString(), mp3.toString())
            .inheritIO().start();
        assertEquals(0, p.waitFor(), "ffmpeg is installed by .ci/run");
        Audio audio = decoder.decode(mp3);
        assertEquals(Audio.SPEECH_RATE, audio.sampleRate());
        assertEquals(decoder.decode(Fixtures.wav("seed-weak")).seconds(), audio.seconds(), 0.1);
    }

    /** A phone line's mu-law WAV is not PCM: ffmpeg, installed, reads it, rather than the user being told to install it. */
    @Test
    void aMuLawWavIsReadThroughFfmpeg() throws Exception {
        Path mulaw = ffmpeg("mulaw.wav", "-acodec", "pcm_mulaw", "-ar", "8000");
        Audio pcm = decoder.decode(Fixtures.wav("seed-weak"));
        Audio audio = decoder.decode(mulaw);
        assertEquals(Audio.SPEECH_RATE, audio.sampleRate());
        assertEquals(pcm.seconds(), audio.seconds(), 0.05);
        assertTrue(correlation(pcm.samples(), audio.samples()) > 0.8, "the same speech, through an 8 kHz phone line");
        AudioException missing = assertThrows(AudioException.class, () -> new AudioDecoder("/nonexistent/ffmpeg").decode(mulaw));
        assertEquals(mulaw + ": reading a WAV in \u03bc-law (format 7) needs ffmpeg, which is not installed (apt-get install ffmpeg),"
            + " or convert the recording to 16-bit PCM WAV", missing.getMessage());
    }

    /** ffmpeg's complaint without the decoder's address ("[mp3 @ 0x55bb…]") or the file name it repeats. */
    @Test
    void ffmpegsComplaintIsShownWithoutItsInternals() throws IOException {
        Path broken = dir.resolve("broken.mp3");
        Files.write(broken, "ID3\u0003\u0000\u0000\u0000\u0000\u0000\u0000garbage".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        AudioException e = assertThrows(AudioException.class, () -> decoder.decode(broken));
        assertTrue(e.getMessage().startsWith(broken + ": ffmpeg cannot decode it: "), e.getMessage());
        String why = e.getMessage().substring((broken + ": ffmpeg cannot decode it: ").length());
        assertFalse(why.contains(" @ 0x") || why.startsWith("[") || why.contains(broken.toString()) || why.isBlank(), why);
    }

    private Path ffmpeg(String name, String... codec) throws Exception {
        Path out = dir.resolve(name);
        List<String> command = new java.util.ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "error", "-i", Fixtures.wav("seed-weak").toString()));
        command.addAll(List.of(codec));
        command.add(out.toString());
        assertEquals(0, new ProcessBuilder(command).inheritIO().start().waitFor(), "ffmpeg is installed by .ci/run");
        return out;
    }

    @Test
    void withoutFfmpegTheErrorSaysSo() throws IOException {
        Path ogg = dir.resolve("answer.ogg");
        Files.write(ogg, new byte[] {1, 2, 3});
        AudioException e = assertThrows(AudioException.class, () -> new AudioDecoder("/nonexistent/ffmpeg").decode(ogg));
        assertTrue(e.getMessage().contains("needs ffmpeg, which is not installed"), e.getMessage());
    }

    @Test
    void ffmpegRefusingAFileIsAClearError() throws IOException {
        Path broken = dir.resolve("broken.m4a");
        Files.write(broken, "not audio at all".getBytes());
        AudioException e = assertThrows(AudioException.class, () -> decoder.decode(broken));
        assertTrue(e.getMessage().contains("ffmpeg cannot decode it"), e.getMessage());
    }

    @Test
    void corruptEmptyTruncatedAndSilentRecordingsAreRefused() throws IOException {
        assertRefused("empty.wav", new byte[0], "empty file");
        byte[] noise = new byte[4000];
        new Random(7).nextBytes(noise);
        assertRefused("corrupt.wav", noise, "not a WAV file");
        byte[] whole = Files.readAllBytes(Fixtures.wav("seed-weak"));
        assertRefused("truncated.wav", Arrays.copyOf(whole, whole.length / 2), "truncated WAV");
        assertRefused("header-only.wav", Arrays.copyOf(whole, 44), "truncated WAV");
        assertRefused("silent.wav", wav(new Audio(new float[16_000 * 3], 16_000), 1, 16, false), "the recording is silent");
        assertRefused("odd.xyz", whole, "unknown audio format");
        byte[] weird = wav(new Audio(new float[1600], 16_000), 1, 16, false);
        ByteBuffer.wrap(weird).order(ByteOrder.LITTLE_ENDIAN).putInt(24, 1_000_000);
        assertRefused("rate.wav", weird, "unsupported sample rate 1000000");
    }

    @Test
    void pcmRoundTripsThroughSixteenBits() {
        float[] samples = {0f, 0.5f, -0.5f, 0.99f, -1f};
        Audio audio = new Audio(samples, 16_000);
        byte[] pcm = audio.toPcm16();
        float[] back = Audio.fromPcm16(pcm, pcm.length);
        for (int i = 0; i < samples.length; i++) {
            assertEquals(samples[i], back[i], 1e-4);
        }
        assertArrayEquals(pcm, new Audio(back, 16_000).toPcm16());
    }

    private void assertRefused(String name, byte[] bytes, String message) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        AudioException e = assertThrows(AudioException.class, () -> decoder.decode(file));
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertTrue(e.getMessage().startsWith(file.toString()), "names the file: " + e.getMessage());
    }

    /** A WAV file with the audio copied to every channel, in the given sample format. */
    static byte[] wav(Audio audio, int channels, int bits, boolean floats) {
        int bytes = bits / 8;
        int frames = audio.samples().length;
        ByteBuffer b = ByteBuffer.allocate(44 + frames * channels * bytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + frames * channels * bytes).put("WAVE".getBytes()).put("fmt ".getBytes())
            .putInt(16).putShort((short) (floats ? 3 : 1)).putShort((short) channels).putInt(audio.sampleRate())
            .putInt(audio.sampleRate() * channels * bytes).putShort((short) (channels * bytes)).putShort((short) bits)
            .put("data".getBytes()).putInt(frames * channels * bytes);
        for (float s : audio.samples()) {
            for (int c = 0; c < channels; c++) {
                double v = Math.max(-1, Math.min(1, s));
                if (floats) {
                    b.putFloat((float) v);
                } else if (bits == 8) {
                    b.put((byte) (Math.round(v * 127) + 128));
                } else if (bits == 16) {
                    b.putShort((short) Math.round(v * 32767));
                } else if (bits == 24) {
                    int x = (int) Math.round(v * 8388607);
                    b.put((byte) x).put((byte) (x >> 8)).put((byte) (x >> 16));
                } else {
                    b.putInt((int) Math.round(v * 2147483647.0));
                }
            }
        }
        return b.array();
    }

    private static double correlation(float[] a, float[] b) {
        int n = Math.min(a.length, b.length);
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < n; i++) {
            ab += a[i] * b[i];
            aa += a[i] * a[i];
            bb += b[i] * b[i];
        }
        return ab / Math.sqrt(aa * bb);
    }
}
