package dev.starpace.engine.bank;

import java.util.List;
import java.util.UUID;

/**
 * A story from the candidate's story bank: a title, a few notes to remember it by, and the Leadership Principles it
 * can answer. One story serves many questions; a take can say which story it told.
 */
public record Story(String id, String title, String notes, List<String> lps, String createdAt) {
    public static final int MAX_TITLE_CHARS = 120;
    public static final int MAX_NOTES_CHARS = 2000;
    public static final int MAX_LPS = 16;

    public Story {
        lps = lps == null ? List.of() : lps.stream().sorted().toList();   // in a fixed order, as each store reads them back
        notes = notes == null ? "" : notes;
    }

    public static String newId() {
        return "story-" + UUID.randomUUID();
    }

    /** What is wrong with a story as written, in one line for the writer, or null when it can be kept. */
    public static String problem(String title, String notes, List<String> lps) {
        String t = title == null ? "" : title.strip();
        if (t.isEmpty()) {
            return "Give the story a title.";
        }
        if (t.length() > MAX_TITLE_CHARS) {
            return "The title is too long: at most " + MAX_TITLE_CHARS + " characters.";
        }
        if (notes != null && notes.length() > MAX_NOTES_CHARS) {
            return "The notes are too long: at most " + MAX_NOTES_CHARS + " characters.";
        }
        if (lps == null || lps.stream().allMatch(lp -> lp == null || lp.isBlank())) {
            return "Pick at least one Leadership Principle the story can answer.";
        }
        if (lps.size() > MAX_LPS || lps.stream().anyMatch(lp -> lp != null && lp.length() > OwnQuestion.MAX_LP_CHARS)) {
            return "Too many Leadership Principles, or one with too long a name.";
        }
        return null;
    }
}
