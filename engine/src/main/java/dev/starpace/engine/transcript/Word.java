package dev.starpace.engine.transcript;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One recognised word as Vosk emits it: lowercase text, start and end in seconds from the start of the
 * answer, and the recognizer's confidence (1.0 when unknown).
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record Word(String word, double start, double end, double conf) {
    public Word {
        if (word == null || word.isBlank()) {
            throw new IllegalArgumentException("a word needs text");
        }
        if (!(start >= 0) || !(end >= start)) {
            throw new IllegalArgumentException("word '" + word + "' has bad times: start " + start + ", end " + end);
        }
    }

    public Word(String word, double start, double end) {
        this(word, start, end, 1.0);
    }

    public double duration() {
        return end - start;
    }
}
