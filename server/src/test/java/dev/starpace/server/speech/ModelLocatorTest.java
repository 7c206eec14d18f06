package dev.starpace.server.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelLocatorTest {
    @Test
    void theBuildProvisionsTheModelWhereStarPaceFindsItWithNoConfiguration() {
        Path found = ModelLocator.provisioned();
        assertTrue(found.endsWith("models/target/vosk-model-en-us"), found.toString());
        assertTrue(Files.isRegularFile(found.resolve("am/final.mdl")));
    }

    @Test
    void aFolderThatIsNotAVoskModelGetsAClearError(@TempDir Path dir) throws IOException {
        ModelException e = assertThrows(ModelException.class, () -> ModelLocator.find(dir.toString()));
        assertEquals("not a Vosk model: no am/final.mdl under " + dir, e.getMessage());
        Files.createDirectories(dir.resolve("am"));
        Files.writeString(dir.resolve("am/final.mdl"), "x");
        e = assertThrows(ModelException.class, () -> ModelLocator.find(dir.toString()));
        assertTrue(e.getMessage().contains("no conf/model.conf"), e.getMessage());
        e = assertThrows(ModelException.class, () -> ModelLocator.find(dir.resolve("missing").toString()));
        assertTrue(e.getMessage().contains("is not a folder"), e.getMessage());
    }

    @Test
    void theModelIsLoadedOnceAndShared() {
        assertSame(SpeechModel.find(null), SpeechModel.at(ModelLocator.provisioned()));
    }
}
