package dev.starpace.server.store;

import java.util.List;

/**
 * A mock interview of several questions, answered in turn at one level with thinking time before each: the questions in
 * the order asked, each with the take that answered it (null: not answered, or that take deleted since).
 */
public record Interview(String id, String owner, String level, int thinkingSeconds, String startedAt, List<Question> questions) {
    /** One question of the interview and the take that answered it, or null. */
    public record Question(String questionId, String attemptId) {
    }
}
