package dev.starpace.server.web;

import dev.starpace.engine.Analyzer;
import dev.starpace.engine.Level;
import dev.starpace.engine.Phase;
import dev.starpace.engine.ScoredTranscript;
import dev.starpace.engine.bank.Card;
import dev.starpace.engine.delivery.AudioDelivery;
import dev.starpace.engine.text.Hesitations;
import dev.starpace.engine.transcript.Word;
import dev.starpace.server.audio.Audio;
import dev.starpace.server.audio.AudioDecoder;
import dev.starpace.server.delivery.AudioDeliveryAnalysis;
import dev.starpace.server.delivery.FrameFeeder;
import dev.starpace.server.delivery.FrameTrack;
import dev.starpace.server.speech.NoSpeechException;
import dev.starpace.server.speech.RecordingAnalyzer;
import dev.starpace.server.speech.SpeechModel;
import dev.starpace.server.store.AnswerRecorder;
import dev.starpace.server.store.Attempt;
import dev.starpace.server.store.AttemptStore;
import java.util.List;

/**
 * Scores an attempt from what was stored while it streamed, for an answer that never reached its stop (a crash)
 * or never got a transcript: from its stored words when Vosk had finalised any, else by transcribing its stored
 * audio. The stored audio also gives the delivery measurements.
 */
final class StoredAnswers {
    private final Analyzer analyzer;
    private final SpeechModel model;
    private final AttemptStore store;

    StoredAnswers(Analyzer analyzer, SpeechModel model, AttemptStore store) {
        this.analyzer = analyzer;
        this.model = model;
        this.store = store;
    }

    /**
     * The attempt scored from its stored words and audio; NoSpeechException when neither holds a word. Audio stored
     * after the last stored phrase (the phrase open when the server died) is transcribed and its words stored too, so
     * a second recovery or a re-score finds them.
     */
    ScoredTranscript score(Attempt attempt, Card card, Level level) {
        List<Word> words = store.words(attempt.id());
        byte[] pcm = store.pcm(attempt.id());
        if (pcm.length < 2 && words.isEmpty()) {
            throw new NoSpeechException("attempt " + attempt.id() + " has no audio and no words");
        }
        Audio audio = new Audio(Audio.fromPcm16(pcm, pcm.length), Audio.SPEECH_RATE);
        if (words.isEmpty()) {
            return new RecordingAnalyzer(analyzer, model, new AudioDecoder()).analyze(audio, card, level).transcript();
        }
        int heardTo = (int) Math.min(pcm.length & ~1, Math.round(words.get(words.size() - 1).end() * Audio.SPEECH_RATE) * 2);
        List<Word> rest = model.words(pcm, heardTo);
        if (!rest.isEmpty()) {
            AnswerRecorder.resume(store, attempt.id()).words(rest);
            words = java.util.stream.Stream.concat(words.stream(), rest.stream()).toList();
        }
        words = Hesitations.heard(words);
        List<Phase> phases = analyzer.label(words);
        return analyzer.score(card, level, words, phases, pcm.length < 2 ? null : delivery(audio, words, phases));
    }

    /** The audio side of delivery, measured over the stored audio as the live session would have. */
    private static AudioDelivery delivery(Audio audio, List<Word> words, List<Phase> phases) {
        FrameTrack track = new FrameTrack(Audio.SPEECH_RATE);
        FrameFeeder frames = new FrameFeeder(Audio.SPEECH_RATE, FrameTrack.FRAME, FrameTrack.HOP, track.processors());
        frames.push(audio.samples(), audio.samples().length);
        frames.finish();
        return AudioDeliveryAnalysis.of(track, words, phases);
    }
}
