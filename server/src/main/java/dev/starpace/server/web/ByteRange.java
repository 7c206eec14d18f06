package dev.starpace.server.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One HTTP byte range ({@code Range: bytes=first-last}, {@code bytes=first-}, {@code bytes=-suffix}) over a body
 * of a known length, so the browser's player can seek in a recording and knows its duration. {@code partial} is
 * false when the whole body is answered (200) rather than a range of it (206).
 */
record ByteRange(long first, long last, boolean partial) {
    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d{0,18})-(\\d{0,18})");

    long length() {
        return last - first + 1;
    }

    /**
     * The range asked for; the whole body when none was, several were, or the one asked for is invalid (RFC 9110
     * 14.2: a server may ignore such a Range, and ignoring it costs a player nothing); null when it is valid but
     * lies outside the body (416).
     */
    static ByteRange of(String header, long size) {
        ByteRange whole = new ByteRange(0, size - 1, false);
        Matcher m = header == null ? null : SINGLE.matcher(header.trim());
        if (m == null || !m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return whole;
        }
        if (m.group(1).isEmpty()) {
            long suffix = Long.parseLong(m.group(2));
            return suffix == 0 ? null : new ByteRange(Math.max(0, size - suffix), size - 1, true);
        }
        long first = Long.parseLong(m.group(1));
        if (!m.group(2).isEmpty() && Long.parseLong(m.group(2)) < first) {
            return whole; // bytes=500-100: invalid (RFC 9110 14.1.1), not unsatisfiable
        }
        long last = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
        return first >= size ? null : new ByteRange(first, last, true);
    }
}
