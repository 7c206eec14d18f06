package dev.starpace.server.audio;

/** Mono audio as floats in [-1, 1] at a sample rate. */
public record Audio(float[] samples, int sampleRate) {
    /** The rate Vosk's small English model and the analysis run at. */
    public static final int SPEECH_RATE = 16_000;

    public double seconds() {
        return (double) samples.length / sampleRate;
    }

    /** Little-endian signed 16-bit PCM, as Vosk and the browser stream take it. */
    public byte[] toPcm16() {
        byte[] out = new byte[samples.length * 2];
        for (int i = 0; i < samples.length; i++) {
            int v = Math.max(-32768, Math.min(32767, Math.round(samples[i] * 32768f)));
            out[2 * i] = (byte) v;
            out[2 * i + 1] = (byte) (v >> 8);
        }
        return out;
    }

    /** Floats from little-endian signed 16-bit PCM; an odd trailing byte is ignored. */
    public static float[] fromPcm16(byte[] pcm, int length) {
        float[] out = new float[length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (short) ((pcm[2 * i] & 0xff) | (pcm[2 * i + 1] << 8)) / 32768f;
        }
        return out;
    }

    /** Root-mean-square level in dB relative to full scale. */
    public double rmsDbfs() {
        double sum = 0;
        for (float s : samples) {
            sum += s * s;
        }
        double rms = Math.sqrt(sum / Math.max(1, samples.length));
        return rms == 0 ? Double.NEGATIVE_INFINITY : 20 * Math.log10(rms);
    }
}
