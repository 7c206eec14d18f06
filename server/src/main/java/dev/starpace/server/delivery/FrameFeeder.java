package dev.starpace.server.delivery;

import be.tarsos.dsp.AudioEvent;
import be.tarsos.dsp.AudioProcessor;
import be.tarsos.dsp.io.TarsosDSPAudioFormat;
import java.util.List;

/**
 * Cuts pushed audio into overlapping frames and hands each, as a TarsosDSP {@link AudioEvent}, down a chain of
 * {@link AudioProcessor}s — what TarsosDSP's AudioDispatcher does for a stream it pulls, done here for audio
 * that arrives in chunks from a file or a socket.
 */
public final class FrameFeeder {
    private final List<AudioProcessor> processors;
    private final int size;
    private final int hop;
    private final float[] window;
    private final TarsosDSPAudioFormat format;
    private int filled;
    private long samplesBefore;

    public FrameFeeder(float sampleRate, int size, int hop, List<AudioProcessor> processors) {
        this.processors = List.copyOf(processors);
        this.size = size;
        this.hop = hop;
        this.window = new float[size];
        this.format = new TarsosDSPAudioFormat(sampleRate, 16, 1, true, false);
    }

    public void push(float[] samples, int length) {
        int i = 0;
        while (i < length) {
            int n = Math.min(size - filled, length - i);
            System.arraycopy(samples, i, window, filled, n);
            filled += n;
            i += n;
            if (filled == size) {
                emit();
                System.arraycopy(window, hop, window, 0, size - hop);
                filled = size - hop;
                samplesBefore += hop;
            }
        }
    }

    /** Ends the stream: the processors get processingFinished(). */
    public void finish() {
        processors.forEach(AudioProcessor::processingFinished);
    }

    private void emit() {
        AudioEvent event = new AudioEvent(format);
        // the processors finish with the frame before push() shifts the window, so it needs no copy
        event.setFloatBuffer(window);
        event.setOverlap(size - hop);
        event.setBytesProcessed(samplesBefore * format.getFrameSize());
        for (AudioProcessor p : processors) {
            if (!p.process(event)) {
                break;
            }
        }
    }
}
