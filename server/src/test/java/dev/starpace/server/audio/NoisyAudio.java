package dev.starpace.server.audio;

import java.util.Random;

/** Real fixture speech made worse in known ways: noise or other voices at a set SNR, too loud (clipped), too quiet. */
public final class NoisyAudio {
    /** 10 ms frames quieter than this (16-bit RMS) are festival's silence, as make-spoken.sh and make-noisy.sh trim it. */
    private static final double QUIET = 30 / 32768.0;

    private NoisyAudio() {
    }

    /** White noise mixed in at {@code snrDb} under the speech's active level (the way make-noisy.sh measures it). */
    public static Audio withWhiteNoise(Audio clean, double snrDb, long seed) {
        Random random = new Random(seed);
        float[] noise = new float[clean.samples().length];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) random.nextGaussian();
        }
        return mixed(clean, noise, snrDb);
    }

    /**
     * Other voices talking over the speech at {@code snrDb}: each voice twice, looped, the second copy seven seconds
     * on, so the room is never silent: babble, which a browser's noise suppression leaves in, unlike a steady hiss.
     */
    public static Audio withBabble(Audio clean, double snrDb, Audio... voices) {
        float[] noise = new float[clean.samples().length];
        for (Audio v : voices) {
            int n = v.samples().length;
            int later = 7 * v.sampleRate();
            for (int i = 0; i < noise.length; i++) {
                noise[i] += v.samples()[i % n] + v.samples()[(i + later) % n];
            }
        }
        return mixed(clean, noise, snrDb);
    }

    /** Every sample times {@code gain}, held to full scale (so a large gain clips). */
    public static Audio scaled(Audio clean, double gain) {
        float[] out = new float[clean.samples().length];
        for (int i = 0; i < out.length; i++) {
            out[i] = clamp(clean.samples()[i] * gain);
        }
        return new Audio(out, clean.sampleRate());
    }

    private static Audio mixed(Audio clean, float[] noise, double snrDb) {
        float[] s = clean.samples();
        double gain = activeRms(s) / Math.pow(10, snrDb / 20) / rms(noise);
        float[] out = new float[s.length];
        for (int i = 0; i < s.length; i++) {
            out[i] = clamp(s[i] + gain * noise[i]);
        }
        return new Audio(out, clean.sampleRate());
    }

    /** RMS over the 10 ms frames louder than silence. */
    private static double activeRms(float[] s) {
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
        return Math.sqrt(sum / frames);
    }

    private static double rms(float[] s) {
        double sum = 0;
        for (float x : s) {
            sum += x * x;
        }
        return Math.sqrt(sum / s.length);
    }

    private static float clamp(double v) {
        return (float) Math.max(-1, Math.min(32767 / 32768.0, v));
    }
}
