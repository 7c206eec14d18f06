package dev.starpace.engine.timing;

import com.fasterxml.jackson.annotation.JsonValue;

/** The whole answer against the level's time budget. */
public record Budget(double seconds, double minSeconds, double maxSeconds, Status status) {
    public enum Status {
        SHORT, ON_TARGET, LONG;

        @JsonValue
        public String id() {
            return this == ON_TARGET ? "on-target" : name().toLowerCase();
        }
    }
}
