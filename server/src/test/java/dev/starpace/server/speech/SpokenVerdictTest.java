package dev.starpace.server.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.starpace.engine.ScoredTranscript;
import dev.starpace.engine.score.VerdictAudit;
import dev.starpace.server.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** On every spoken fixture, heard by Vosk with its audio measured, the verdict contradicts neither its checklist nor its score. */
class SpokenVerdictTest {
    @Test
    void noSpokenFixturesVerdictContradictsItself() {
        for (String id : Fixtures.ids()) {
            ScoredTranscript t = Fixtures.analysed(id).transcript();
            assertEquals(List.of(), VerdictAudit.contradictions(t), id + ": " + t.verdict().text());
        }
    }
}
