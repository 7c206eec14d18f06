package dev.starpace.server.web;

/**
 * What reaches a live answer from its socket, parsed: the client's messages of the live protocol
 * (docs/live-protocol.md), one it sent that breaks the protocol, and the socket going away.
 */
sealed interface LiveMessage {
    /**
     * What a live answer is for: practice (with hints), a one-question mock interview, a follow-up of one, or a question
     * of a mock interview of several (Interviews).
     */
    enum Mode {
        PRACTICE, MOCK, PROBE, INTERVIEW;

        /** An interview is heard without nudges, as a real interviewer gives none. */
        boolean nudges() {
            return this != MOCK && this != INTERVIEW;
        }

        String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** The mode named in a start message; null when there is none of that name. */
        static Mode parse(String id) {
            for (Mode m : values()) {
                if (m.id().equals(id)) {
                    return m;
                }
            }
            return null;
        }
    }

    /** The start of an answer: the question, level and mode; a follow-up's probe and the mock interview it follows. */
    record StartRequest(String question, String level, Mode mode, Integer probe, String attemptId) implements LiveMessage {
    }

    /** 16 kHz mono PCM16, and when it arrived (for the latency of the words it brings). */
    record AudioFrame(byte[] pcm, long arrivedNanos) implements LiveMessage {
    }

    /** The end of an answer; {@code cutOff} when the candidate left the view mid-answer, so it is kept as cut off. */
    record StopRequest(boolean cutOff) implements LiveMessage {
    }

    /**
     * A text message that is neither a valid start nor a stop; {@code error} and {@code message} say what a start
     * should have been, for a socket whose answer has not begun.
     */
    record Malformed(String error, String message) implements LiveMessage {
    }

    /** A message the protocol refuses whenever it comes: the socket is closed with this code. */
    record Refused(int closeCode, String error, String message) implements LiveMessage {
    }

    /** The socket closed or broke: no more messages will come. */
    record Gone() implements LiveMessage {
    }

    /** The server is shutting down: the answer ends now, kept as far as it was heard. */
    record Shutdown() implements LiveMessage {
    }
}
