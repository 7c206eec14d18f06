package dev.starpace.engine.transcript;

import java.util.Locale;

/**
 * How much of one answer StarPace reads. Analysis costs time and memory with every word (200,000 pasted words
 * held a core for a minute; a million-word transcript ran out of memory), so an answer past these is refused
 * before it is analysed, and a file past them is not even read whole. Each limit sits far above any real answer:
 * <ul>
 * <li>a written answer: a spoken answer of three minutes is about 450 words, and the longest answer in the
 * corpus is under 1,000; 5,000 words is over half an hour of speech. 64 KB holds 5,000 words at 13 bytes a
 * word, so long words and non-Latin text fit too;
 * <li>a timed transcript: 20,000 words is over two hours of speech at 150 words a minute (a whole mock
 * interview, not one answer). Vosk writes about 70 bytes a word, 100 indented; 4 MB leaves 200 a word;
 * <li>a time: 4 hours, past any answer or interview; 1e300 seconds is a typing slip, not a recording.
 * </ul>
 */
public final class AnswerLimits {
    public static final int WRITTEN_WORDS = 5_000;
    public static final int WRITTEN_BYTES = 64 * 1024;
    public static final int TRANSCRIPT_WORDS = 20_000;
    public static final int TRANSCRIPT_BYTES = 4 * 1024 * 1024;
    public static final double MAX_SECONDS = 4 * 60 * 60;
    /** What each limit is of, as its refusal names it. */
    public static final String WRITTEN = "a written answer";
    public static final String TRANSCRIPT = "a transcript";

    private AnswerLimits() {
    }

    /** The refusal of a file or text of more than {@code limit} bytes, as "larger than 64 KB, the most a written answer may be". */
    public static AnswerTooLargeException tooManyBytes(int limit, String what) {
        return new AnswerTooLargeException("larger than " + size(limit) + ", the most " + what + " may be");
    }

    /** The refusal of an answer of {@code words} words, more than {@code limit}: "6,120 words, more than the 5,000 a written answer may have". */
    public static AnswerTooLargeException tooManyWords(int words, int limit, String what) {
        return new AnswerTooLargeException(String.format(Locale.ROOT, "%,d words, more than the %,d %s may have", words, limit, what));
    }

    /** 64 KB, 4 MB: how a limit in bytes is named to a person. */
    public static String size(long bytes) {
        return bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB"
            : bytes >= 1024 && bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " bytes";
    }
}
