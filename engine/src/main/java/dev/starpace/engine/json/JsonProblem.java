package dev.starpace.engine.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jackson's errors in words a person reads, with where: "a number 5,000 digits long (at most 1,000) at line 1,
 * column 40". Jackson writes for programmers — class names (`java.lang.String`, `JsonToken.START_ARRAY`), the
 * feature that would allow a token, and, for its limits on numbers, text and nesting, no location at all — so a
 * message is rebuilt from the kind of error and the parser's position, and one that still names a class is
 * replaced by "not valid JSON" with the position.
 */
public final class JsonProblem {
    /** "Number value length (5000) exceeds the maximum allowed (1000, from `StreamReadConstraints…`)". */
    private static final Pattern LIMIT = Pattern.compile("^(.+?) \\((\\d+)\\) exceeds the maximum allowed \\((\\d+)");
    private static final Pattern NON_NUMERIC = Pattern.compile("^Non-standard token '([^']*)'");
    /** The values an enum accepts, as Jackson lists them (by their JSON names): "…accepted for Enum class: [a, b]". */
    private static final Pattern ENUM_VALUES = Pattern.compile("accepted for Enum class: \\[([^\\]]*)\\]");
    /** Jackson's "[Source: REDACTED (`…` disabled); line: 1, column: 11]" inside a message: the position alone. */
    private static final Pattern SOURCE = Pattern.compile("\\[Source: [^\\]]*?line: (\\d+), column: (\\d+)\\]");

    private JsonProblem() {
    }

    /** What is wrong and where, in one line; {@code parser} is the one that read, for errors that carry no position. */
    public static String describe(JsonProcessingException e, JsonParser parser) {
        JsonLocation at = e.getLocation() != null ? e.getLocation() : parser == null ? null : parser.currentLocation();
        String where = at == null || at.getLineNr() < 1 ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        String message = firstLine(e.getOriginalMessage());
        if (e instanceof StreamConstraintsException) {
            return limit(message) + where;
        }
        if (e instanceof PropertyBindingException p) {
            return "unknown field '" + p.getPropertyName() + "'" + where + (p.getKnownPropertyIds() == null ? ""
                : " (known: " + String.join(", ", p.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList()) + ")");
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() != null) {
            Matcher values = ENUM_VALUES.matcher(message);
            return "'" + f.getValue() + "' is not " + (values.find() ? "one of " + values.group(1) : kind(f.getTargetType())) + where;
        }
        if (e instanceof ValueInstantiationException v && v.getCause() != null && v.getCause().getMessage() != null) {
            return firstLine(v.getCause().getMessage()) + where;
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            JsonToken found = m.getProcessor() instanceof JsonParser p ? p.currentToken() : null;
            return "expected " + kind(m.getTargetType()) + (found == null ? "" : ", found " + kind(found)) + where;
        }
        Matcher nonNumeric = NON_NUMERIC.matcher(message);
        if (nonNumeric.find()) {
            return "'" + nonNumeric.group(1) + "' is not a number JSON allows" + where;
        }
        String plain = SOURCE.matcher(message).replaceAll("line $1, column $2");
        if (plain.contains("`") || plain.contains("java.") || plain.contains("com.fasterxml") || plain.isBlank()) {
            return "not valid JSON" + where;
        }
        return plain + where;
    }

    /** The trailing-content error Jackson words with a feature name. */
    public static String trailing(JsonParser parser) {
        JsonLocation at = parser.currentTokenLocation();
        return "more after the end of the JSON value at line " + at.getLineNr() + ", column " + at.getColumnNr();
    }

    private static String limit(String message) {
        Matcher m = LIMIT.matcher(message);
        if (!m.find()) {
            return "more than StarPace reads in one JSON file";
        }
        long found = Long.parseLong(m.group(2));
        long most = Long.parseLong(m.group(3));
        return switch (m.group(1)) {
            case "Number value length" -> String.format(Locale.ROOT, "a number %,d digits long (at most %,d)", found, most);
            case "String value length" -> String.format(Locale.ROOT, "a text %,d characters long (at most %,d)", found, most);
            case "Name length" -> String.format(Locale.ROOT, "a field name %,d characters long (at most %,d)", found, most);
            case "Document nesting depth" -> String.format(Locale.ROOT, "lists and objects nested more than %,d deep", most);
            default -> String.format(Locale.ROOT, "more than StarPace reads in one JSON file (%,d, at most %,d)", found, most);
        };
    }

    private static String kind(Class<?> type) {
        if (type == String.class || type == Character.class || type == char.class || type.isEnum()) {
            return "text";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return Map.class.isAssignableFrom(type) || type.isRecord() || !type.getName().startsWith("java.") ? "an object" : "a value";
    }

    private static String kind(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "a list";
            case START_OBJECT -> "an object";
            case VALUE_STRING -> "text";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "true or false";
            case VALUE_NULL -> "null";
            default -> "the end of a list or object";
        };
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
