package dev.starpace.server.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One HTTP byte range ({@code Range: bytes=first-last}, {@code bytes=first-}, {@code bytes=-suffix}) over a body
 * of a known length, so the browser's player can seek in a recording and knows its duration.
 */
record ByteRange(long first, long last) {
    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d{0,18})-(\\d{0,18})");

    long length() {
        return last - first + 1;
    }

    /** The range asked for, the whole body when none was (or several were: they are answered with it all), or null if it lies outside. */
    static ByteRange of(String header, long size) {
        Matcher m = header == null ? null : SINGLE.matcher(header.trim());
        if (m == null || !m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return new ByteRange(0, size - 1);
        }
        long first;
        long last;
        if (m.group(1).isEmpty()) {
            long suffix = Long.parseLong(m.group(2));
            first = Math.max(0, size - suffix);
            last = size - 1;
        } else {
            first = Long.parseLong(m.group(1));
            last = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
        }
        return first >= size || first > last ? null : new ByteRange(first, last);
    }
}
