package dev.starpace.server.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.starpace.engine.ScoredTranscript;
import java.util.List;

/**
 * One practised answer: whose it is, what was asked, how, when, whether it finished ({@code complete}), was cut off
 * ({@code incomplete}: the connection dropped, what was heard is kept) or is still {@code recording}; for a mock
 * interview, the follow-ups answered after it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Attempt(String id, String owner, String questionId, String level, String mode, String startedAt, String status,
                      Double durationSeconds, Integer score, ScoredTranscript transcript, List<FollowUp> followUps) {
    public Attempt(String id, String owner, String questionId, String level, String mode, String startedAt, String status,
                   Double durationSeconds, Integer score, ScoredTranscript transcript) {
        this(id, owner, questionId, level, mode, startedAt, status, durationSeconds, score, transcript, null);
    }

    /** The owner of every attempt in personal mode: the one person at this machine. */
    public static final String LOCAL_OWNER = "local";

    public static final String RECORDING = "recording";
    public static final String COMPLETE = "complete";
    public static final String INCOMPLETE = "incomplete";
    /** The mode of an answer typed in the browser: scored like a spoken one, with no audio. */
    public static final String WRITTEN = "written";
}
