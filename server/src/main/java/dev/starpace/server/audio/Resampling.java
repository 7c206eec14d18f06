package dev.starpace.server.audio;

import be.tarsos.dsp.resample.Resampler;

/** Sample-rate conversion with TarsosDSP's band-limited resampler. */
public final class Resampling {
    private Resampling() {
    }

    public static Audio to(Audio audio, int rate) {
        if (audio.sampleRate() == rate) {
            return audio;
        }
        double factor = (double) rate / audio.sampleRate();
        Resampler resampler = new Resampler(true, factor, factor);
        float[] in = audio.samples();
        float[] out = new float[(int) Math.ceil(in.length * factor) + 64];
        Resampler.Result r = resampler.process(factor, in, 0, in.length, true, out, 0, out.length);
        int produced = r.outputSamplesGenerated;
        int expected = (int) Math.round(in.length * factor);
        float[] trimmed = new float[expected];
        System.arraycopy(out, 0, trimmed, 0, Math.min(produced, expected));
        return new Audio(trimmed, rate);
    }
}
