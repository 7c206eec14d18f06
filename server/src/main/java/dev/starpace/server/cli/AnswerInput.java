package dev.starpace.server.cli;

import dev.starpace.engine.transcript.EstimatedTimings;
import dev.starpace.engine.transcript.TranscriptException;
import dev.starpace.engine.transcript.TranscriptReader;
import dev.starpace.engine.transcript.Word;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads the words of an answer from a file: a timed transcript (.json, as Vosk writes it), or a written
 * answer (.txt), which gets the timings a speaker at a steady pace would have.
 */
final class AnswerInput {
    private AnswerInput() {
    }

    private static String text(Path file) {
        if (!Files.exists(file)) {
            throw new InputException(file + ": no such file");
        }
        if (Files.isDirectory(file)) {
            throw new InputException(file + ": is a folder, not a file");
        }
        if (!Files.isRegularFile(file)) {
            throw new InputException(file + ": not a regular file");
        }
        if (!Files.isReadable(file)) {
            throw new InputException(file + ": permission denied");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new InputException(file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new InputException(file + ": cannot read it");
        }
        return text;
    }

    /** Whether the file is a written answer (.txt): scored as writing, with no delivery verdict. */
    static boolean isWritten(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".txt");
    }

    /** A written answer's text as the writer wrote it. */
    static String written(Path file) {
        String text = text(file);
        if (EstimatedTimings.words(text).isEmpty()) {
            throw new InputException(file + ": no words in the answer");
        }
        return text;
    }

    static List<Word> read(Path file) {
        String text = text(file);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".txt")) {
                List<Word> words = EstimatedTimings.words(text);
                if (words.isEmpty()) {
                    throw new InputException(file + ": no words in the answer");
                }
                return words;
            }
            return TranscriptReader.read(text);
        } catch (TranscriptException e) {
            throw new InputException(file + ": " + e.getMessage());
        }
    }
}
