package dev.starpace.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads a trained model that ships as a JSON resource beside its class. */
public final class ShippedModel {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ShippedModel() {
    }

    /** @param missing what to tell the user when the resource is absent (which command makes it) */
    public static <T> T read(Class<T> type, String resource, String missing) {
        try (InputStream in = type.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(missing);
            }
            return JSON.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
