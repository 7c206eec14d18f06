package dev.starpace.engine.rules.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The JSON a rule's judge ships as. */
final class Folds {
    private Folds() {
    }

    /** A judge as its resource file holds it. */
    static String write(Object judge) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(judge) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
