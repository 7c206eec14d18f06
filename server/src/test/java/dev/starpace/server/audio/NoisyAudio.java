package dev.starpace.server.audio;

import java.util.Random;

/** Real fixture speech made worse in known ways: noise at a set SNR, too loud (clipped), too quiet. */
public final class NoisyAudio {
    /** 10 ms frames quieter than this (16-bit RMS) are festival's silence, as make-spoken.sh and make-noisy.sh trim it. */
    private static final double QUIET = 30 / 32768.0;

    private NoisyAudio() {
    }

    /** White noise mixed in at {@code snrDb} under the speech's active level (the way make-noisy.sh measures it). */
    public static Audio withWhiteNoise(Audio clean, double snrDb, long seed) {
        float[] s = clean.samples();
        double sum = 0;
        int frames = 0;
        for (int at = 0; at + 160 <= s.length; at += 160) {
            double frame = 0;
            for (int i = at; i < at + 160; i++) {
                frame += s[i] * s[i];
            }
            if (Math.sqrt(frame / 160) >= QUIET) {
                sum += frame / 160;
                frames++;
            }
        }
        double noiseRms = Math.sqrt(sum / frames) / Math.pow(10, snrDb / 20);
        Random random = new Random(seed);
        float[] out = new float[s.length];
        for (int i = 0; i < s.length; i++) {
            out[i] = clamp(s[i] + noiseRms * random.nextGaussian());
        }
        return new Audio(out, clean.sampleRate());
    }

    /** Every sample times {@code gain}, held to full scale (so a large gain clips). */
    public static Audio scaled(Audio clean, double gain) {
        float[] out = new float[clean.samples().length];
        for (int i = 0; i < out.length; i++) {
            out[i] = clamp(clean.samples()[i] * gain);
        }
        return new Audio(out, clean.sampleRate());
    }

    private static float clamp(double v) {
        return (float) Math.max(-1, Math.min(32767 / 32768.0, v));
    }
}
