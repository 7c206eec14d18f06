package dev.starpace.server.audio;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What ffmpeg said went wrong, as a person reads it: its first line without the decoder's address
 * ({@code [mp3 @ 0x55bb…]}, which means nothing to anyone but a debugger) or the file name it repeats.
 */
final class FfmpegLine {
    private static final Pattern CONTEXT = Pattern.compile("^(\\[[^\\]]* @ (0x)?[0-9a-fA-F]+\\]\\s*)+");

    private FfmpegLine() {
    }

    static Optional<String> of(String stderr, Path file) {
        return stderr.lines().map(l -> CONTEXT.matcher(l.strip()).replaceFirst(""))
            .map(l -> l.startsWith(file + ": ") ? l.substring(file.toString().length() + 2) : l)
            .filter(l -> !l.isBlank()).findFirst();
    }
}
