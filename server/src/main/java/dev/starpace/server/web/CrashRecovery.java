package dev.starpace.server.web;

import dev.starpace.engine.Analyzer;
import dev.starpace.engine.Level;
import dev.starpace.engine.ScoredTranscript;
import dev.starpace.engine.bank.UnknownQuestionException;
import dev.starpace.server.speech.NoSpeechException;
import dev.starpace.server.store.Attempt;
import dev.starpace.server.store.AttemptStore;

/**
 * At startup, before any socket opens: an attempt still {@code recording} was cut off by a crash (a live answer
 * always ends complete or incomplete). Each is scored from its stored words or audio and kept as incomplete; one
 * with no audio at all is deleted, as a start with nothing after it is.
 */
final class CrashRecovery {
    /**
     * What recovery did: attempts scored, kept without a transcript because no word was heard in them, kept unscored
     * because their question's card is gone, and deleted for holding nothing.
     */
    record Outcome(int scored, int unscored, int cardGone, int deleted) {
        int total() {
            return scored + unscored + cardGone + deleted;
        }
    }

    private CrashRecovery() {
    }

    static Outcome run(Analyzer analyzer, StoredAnswers stored, AttemptStore store) {
        int scored = 0;
        int unscored = 0;
        int cardGone = 0;
        int deleted = 0;
        for (Attempt a : store.cutOff()) {
            if (store.deleteIfSilent(a.id())) {
                deleted++;
                continue;
            }
            ScoredTranscript t = null;
            try {
                t = stored.score(a, analyzer.bank().get(a.questionId()), Level.parse(a.level()));
                scored++;
            } catch (NoSpeechException e) {
                // no word in its audio: kept with its audio, to replay
                unscored++;
            } catch (UnknownQuestionException | IllegalArgumentException e) {
                // its card (or level) is gone: kept with its audio and words, to re-score when the card is back
                cardGone++;
            }
            store.finish(a.id(), Attempt.INCOMPLETE, t);
        }
        return new Outcome(scored, unscored, cardGone, deleted);
    }
}
