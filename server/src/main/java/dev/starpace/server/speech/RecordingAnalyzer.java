package dev.starpace.server.speech;

import dev.starpace.engine.Analyzer;
import dev.starpace.engine.Level;
import dev.starpace.engine.ScoredTranscript;
import dev.starpace.engine.bank.Card;
import dev.starpace.server.audio.Audio;
import dev.starpace.server.audio.AudioDecoder;
import java.nio.file.Path;

/**
 * Scores a recorded answer: decodes it to 16 kHz speech and streams it through the same live session the
 * browser uses, in chunks of a quarter second, so a file and a microphone give the same result.
 */
public final class RecordingAnalyzer {
    /** A quarter second of 16-bit audio at 16 kHz. */
    static final int CHUNK_BYTES = SpeechModel.CHUNK_BYTES;

    private final Analyzer analyzer;
    private final SpeechModel model;
    private final AudioDecoder decoder;

    public RecordingAnalyzer(Analyzer analyzer, SpeechModel model, AudioDecoder decoder) {
        this.analyzer = analyzer;
        this.model = model;
        this.decoder = decoder;
    }

    /** A scored recording and the length of its audio. */
    public record Analysis(ScoredTranscript transcript, double audioSeconds) {
    }

    /** Nobody watches a recording being analysed. */
    static final SessionListener BATCH = new SessionListener() {
        @Override
        public boolean watching() {
            return false;
        }
    };

    public Analysis analyze(Path file, Card card, Level level) {
        Audio audio = decoder.decode(file);
        try {
            return analyze(audio, card, level);
        } catch (NoSpeechException e) {
            throw new NoSpeechException(file + ": " + e.getMessage());
        }
    }

    /** Scores 16 kHz speech audio already decoded (a stored attempt's, say). */
    public Analysis analyze(Audio audio, Card card, Level level) {
        try (AnswerSession session = new AnswerSession(analyzer, model, card, level, BATCH)) {
            stream(audio, session);
            return new Analysis(session.finish(), audio.seconds());
        }
    }

    static void stream(Audio audio, AnswerSession session) {
        byte[] pcm = audio.toPcm16();
        byte[] chunk = new byte[CHUNK_BYTES];
        for (int at = 0; at < pcm.length; at += CHUNK_BYTES) {
            int n = Math.min(CHUNK_BYTES, pcm.length - at);
            System.arraycopy(pcm, at, chunk, 0, n);
            session.accept(chunk, n);
        }
    }
}
