package dev.starpace.server.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.starpace.server.audio.Audio;
import java.nio.ByteBuffer;

/** Turns what a live socket receives into {@link LiveMessage}s; knows the protocol's shapes, nothing of answers. */
final class LiveProtocol {
    /** Two seconds of audio: larger frames are refused. */
    static final int MAX_FRAME_BYTES = 64 * 1024;
    static final String START_SHAPE =
        "{\"type\":\"start\",\"question\":ID,\"level\":\"sde2\",\"mode\":\"practice\"}";

    /** A sample rate of 16000.7 is not 16000: numbers are not rounded into ints. */
    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    /** The start message as sent, before its values are checked. */
    record Start(String type, String question, String level, String mode, Integer probe, Integer sampleRate, String attemptId) {
    }

    private LiveProtocol() {
    }

    static LiveMessage text(String message) {
        if (isStop(message)) {
            return new LiveMessage.StopRequest(cutOff(message));
        }
        Start start;
        try {
            start = JSON.readValue(message, Start.class);
        } catch (UnrecognizedPropertyException e) {
            return badStart("the start message has an unknown field '" + Echo.of(e.getPropertyName())
                + "' (known: type, question, level, mode, probe, sampleRate, attemptId)");
        } catch (MismatchedInputException e) {
            String field = e.getPath().isEmpty() ? null : e.getPath().get(e.getPath().size() - 1).getFieldName();
            return badStart(field == null ? "the first message must be a JSON object: " + START_SHAPE
                : "the start message's field '" + Echo.of(field) + "' has the wrong type (" + START_SHAPE + ")");
        } catch (Exception e) {
            return badStart("the first message must be " + START_SHAPE);
        }
        if (start == null) {
            return badStart("the first message must be " + START_SHAPE + ", not null");
        }
        if (!"start".equals(start.type())) {
            return badStart("the first message must have \"type\":\"start\"");
        }
        if (start.sampleRate() != null && start.sampleRate() != Audio.SPEECH_RATE) {
            return new LiveMessage.Malformed("bad-sample-rate", "send 16000 Hz mono PCM16, not " + start.sampleRate() + " Hz");
        }
        LiveMessage.Mode mode = LiveMessage.Mode.parse(start.mode() == null ? "practice" : start.mode());
        if (mode == null) {
            return badStart("mode must be practice, mock, probe or interview, not '" + Echo.of(start.mode()) + "'");
        }
        return new LiveMessage.StartRequest(start.question(), start.level(), mode, start.probe(), start.attemptId());
    }

    static LiveMessage binary(ByteBuffer data, long arrivedNanos) {
        int length = data.remaining();
        if (length > MAX_FRAME_BYTES) {
            return new LiveMessage.Refused(1009, "frame-too-large",
                "audio frames are at most " + MAX_FRAME_BYTES + " bytes (2 s), this one was " + length);
        }
        if (length % 2 != 0) {
            return new LiveMessage.Refused(1003, "bad-frame", "PCM16 frames hold whole 16-bit samples; this one had " + length + " bytes");
        }
        byte[] pcm = new byte[length];
        data.get(pcm);
        return new LiveMessage.AudioFrame(pcm, arrivedNanos);
    }

    private static LiveMessage badStart(String message) {
        return new LiveMessage.Malformed("bad-start", message);
    }

    /** A stop sent because the candidate left mid-answer: {"type": "stop", "reason": "left"}. */
    private static boolean cutOff(String message) {
        try {
            return "left".equals(JSON.readTree(message).path("reason").asText());
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean isStop(String message) {
        try {
            return "stop".equals(JSON.readTree(message).path("type").asText());
        } catch (Exception e) {
            return false;
        }
    }
}
