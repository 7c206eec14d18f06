package dev.starpace.server.cli;

import dev.starpace.engine.transcript.AnswerLimits;
import dev.starpace.engine.transcript.AnswerTooLargeException;
import dev.starpace.engine.transcript.TranscriptException;
import dev.starpace.engine.transcript.TranscriptReader;
import dev.starpace.engine.transcript.Word;
import dev.starpace.engine.transcript.WrittenAnswer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads the words of an answer from a file: a timed transcript (.json, as Vosk writes it), or a written
 * answer (.txt), which gets the timings a speaker at a steady pace would have. Neither is read past its limit
 * ({@link AnswerLimits}).
 */
final class AnswerInput {
    private AnswerInput() {
    }

    /** Whether the file is a written answer (.txt): scored as writing, with no delivery verdict. */
    static boolean isWritten(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".txt");
    }

    /** A written answer's text as the writer wrote it, refused past its limits or with no words, as {@link #read} does. */
    static String written(Path file) {
        readable(file);
        try {
            String text = text(file, AnswerLimits.WRITTEN_BYTES, AnswerLimits.WRITTEN);
            if (WrittenAnswer.words(text).isEmpty()) {
                throw new InputException(file + ": no words in the answer");
            }
            return text;
        } catch (AnswerTooLargeException e) {
            throw new InputException(file + ": " + e.getMessage());
        }
    }

    private static void readable(Path file) {
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
    }

    static List<Word> read(Path file) {
        readable(file);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean written = name.endsWith(".txt");
        try {
            String text = text(file, written ? AnswerLimits.WRITTEN_BYTES : AnswerLimits.TRANSCRIPT_BYTES,
                written ? AnswerLimits.WRITTEN : AnswerLimits.TRANSCRIPT);
            if (written) {
                List<Word> words = WrittenAnswer.words(text);
                if (words.isEmpty()) {
                    throw new InputException(file + ": no words in the answer");
                }
                return words;
            }
            return TranscriptReader.read(text);
        } catch (TranscriptException | AnswerTooLargeException e) {
            throw new InputException(file + ": " + e.getMessage());
        }
    }

    /** The file as UTF-8 text, reading at most one byte past {@code limit}: a 5 MB file is refused, not read. */
    private static String text(Path file, int limit, String what) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(limit + 1);
        } catch (java.nio.file.AccessDeniedException e) {
            throw new InputException(file + ": permission denied");
        } catch (IOException e) {
            throw new InputException(file + ": cannot read it");
        }
        if (bytes.length > limit) {
            throw AnswerLimits.tooManyBytes(limit, what);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InputException(file + ": not UTF-8 text");
        }
    }
}
