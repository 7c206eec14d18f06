package dev.starpace.server.delivery;

import be.tarsos.dsp.AudioEvent;
import be.tarsos.dsp.AudioProcessor;
import be.tarsos.dsp.pitch.PitchDetectionHandler;
import be.tarsos.dsp.pitch.PitchDetectionResult;
import be.tarsos.dsp.pitch.PitchProcessor;
import dev.starpace.engine.delivery.InputQuality;
import java.util.Arrays;
import java.util.List;

/**
 * Per-frame measurements over the whole answer: the frame's start time, its RMS level (dBFS) and its pitch
 * (Hz, or 0 when unvoiced), recorded by two TarsosDSP processors — a level meter and a YIN pitch tracker — and the
 * samples at full scale, for the recording's {@link InputQuality}.
 */
public final class FrameTrack {
    /** 64 ms frames every 32 ms at 16 kHz. */
    public static final int FRAME = 1024;
    public static final int HOP = 512;
    /** A pitch estimate counts as voiced only above this YIN probability, within the human voice's range. */
    static final float MIN_PROBABILITY = 0.85f;
    static final float MIN_HZ = 60;
    static final float MAX_HZ = 500;

    private double[] times = new double[1024];
    private double[] levels = new double[1024];
    private float[] pitches = new float[1024];
    private int count;
    private long clipped;
    private long measured;
    private final float sampleRate;

    public FrameTrack(float sampleRate) {
        this.sampleRate = sampleRate;
    }

    /** The processors that fill this track, in order: level first, then pitch for the same frame. */
    public List<AudioProcessor> processors() {
        AudioProcessor level = new AudioProcessor() {
            @Override
            public boolean process(AudioEvent event) {
                grow();
                times[count] = event.getTimeStamp();
                float[] frame = event.getFloatBuffer();
                levels[count] = dbfs(AudioEvent.calculateRMS(frame));
                for (float x : frame) {
                    clipped += Math.abs(x) >= InputQuality.FULL_SCALE ? 1 : 0;
                }
                measured += frame.length;   // frames overlap, so both counts hold each sample twice: the share is right
                pitches[count] = 0;
                count++;
                return true;
            }

            @Override
            public void processingFinished() {
            }
        };
        PitchDetectionHandler handler = (PitchDetectionResult result, AudioEvent event) -> {
            float hz = result.getPitch();
            if (result.isPitched() && result.getProbability() >= MIN_PROBABILITY && hz >= MIN_HZ && hz <= MAX_HZ) {
                pitches[count - 1] = hz;
            }
        };
        return List.of(level, new PitchProcessor(PitchProcessor.PitchEstimationAlgorithm.FFT_YIN, sampleRate, FRAME, handler));
    }

    /** Level in dB relative to full scale; digital silence is very low rather than minus infinity. */
    static double dbfs(double rms) {
        return 20 * Math.log10(Math.max(rms, 1e-6));
    }

    private void grow() {
        if (count == times.length) {
            times = Arrays.copyOf(times, count * 2);
            levels = Arrays.copyOf(levels, count * 2);
            pitches = Arrays.copyOf(pitches, count * 2);
        }
    }

    public int size() {
        return count;
    }

    public double time(int i) {
        return times[i];
    }

    public double level(int i) {
        return levels[i];
    }

    public float pitch(int i) {
        return pitches[i];
    }

    /** The recording's quality so far: noise floor, SNR, clipping, level (null under two seconds). */
    public InputQuality quality() {
        return InputQuality.of(levels, count, clipped, measured);
    }

    /** Seconds between frame starts. */
    public double hopSeconds() {
        return HOP / (double) sampleRate;
    }
}
