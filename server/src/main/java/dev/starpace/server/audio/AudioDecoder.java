package dev.starpace.server.audio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Turns a recording into 16 kHz mono speech audio: WAV natively (any common rate, channel count and bit depth),
 * mp3, m4a, ogg, webm and flac through ffmpeg when it is installed. Silent recordings are refused.
 */
public final class AudioDecoder {
    public static final List<String> FFMPEG_FORMATS = List.of("mp3", "m4a", "aac", "ogg", "oga", "opus", "webm", "flac", "mp4");
    /** Below this level a recording holds no speech. */
    public static final double SILENCE_DBFS = -55;

    private final String ffmpeg;

    /** {@code ffmpeg} is the command to run, "ffmpeg" to find it on the PATH. */
    public AudioDecoder(String ffmpeg) {
        this.ffmpeg = ffmpeg;
    }

    public AudioDecoder() {
        this(System.getenv().getOrDefault("STARPACE_FFMPEG", "ffmpeg"));
    }

    public static boolean isAudio(Path file) {
        String ext = extension(file);
        return ext.equals("wav") || FFMPEG_FORMATS.contains(ext);
    }

    public Audio decode(Path file) {
        if (Files.isDirectory(file)) {
            throw new AudioException(file + ": is a folder, not a recording");
        }
        if (!Files.isRegularFile(file)) {
            throw new AudioException(file + ": no such file");
        }
        if (!Files.isReadable(file)) {
            throw new AudioException(file + ": permission denied");
        }
        String ext = extension(file);
        Audio audio;
        if (ext.equals("wav")) {
            audio = wav(file);
        } else if (FFMPEG_FORMATS.contains(ext)) {
            audio = WavFile.parse(viaFfmpeg(file), file.toString());
        } else {
            throw new AudioException(file + ": unknown audio format '." + ext + "' (use wav, or "
                + String.join(", ", FFMPEG_FORMATS) + " with ffmpeg installed)");
        }
        Audio speech = Resampling.to(audio, Audio.SPEECH_RATE);
        if (speech.rmsDbfs() < SILENCE_DBFS) {
            throw new AudioException(file + ": the recording is silent ("
                + (Double.isInfinite(speech.rmsDbfs()) ? "every sample is zero" : "level " + Math.round(speech.rmsDbfs()) + " dBFS")
                + "); check the microphone");
        }
        return speech;
    }

    /** A WAV read natively, or through ffmpeg when its samples are in an encoding only ffmpeg reads (mu-law from a phone line). */
    private Audio wav(Path file) {
        try {
            return WavFile.read(file);
        } catch (WavFile.UnsupportedEncoding e) {
            return WavFile.parse(viaFfmpeg(file, "a WAV in " + e.encoding(), "16-bit PCM WAV"), file.toString());
        }
    }

    private byte[] viaFfmpeg(Path file) {
        return viaFfmpeg(file, "." + extension(file), "WAV");
    }

    /** The recording as a 16 kHz mono WAV from ffmpeg; {@code what} and {@code convertTo} word the refusal when ffmpeg is missing. */
    private byte[] viaFfmpeg(Path file, String what, String convertTo) {
        Process process;
        try {
            process = new ProcessBuilder(ffmpeg, "-nostdin", "-v", "error", "-i", file.toString(),
                "-f", "wav", "-ac", "1", "-ar", String.valueOf(Audio.SPEECH_RATE), "-acodec", "pcm_s16le", "-")
                .redirectInput(ProcessBuilder.Redirect.PIPE).start();
        } catch (IOException e) {
            throw new AudioException(file + ": reading " + what + " needs ffmpeg, which is not installed"
                + " (apt-get install ffmpeg), or convert the recording to " + convertTo);
        }
        try {
            process.getOutputStream().close();
            CompletableFuture<String> errors = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            byte[] wav = readAllBytes(process.getInputStream());
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AudioException(file + ": ffmpeg did not finish within a minute");
            }
            if (process.exitValue() != 0) {
                String why = FfmpegLine.of(errors.get(), file).orElse("exit code " + process.exitValue());
                throw new AudioException(file + ": ffmpeg cannot decode it: " + why);
            }
            return wav;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new AudioException(file + ": interrupted while decoding");
        } catch (IOException | java.util.concurrent.ExecutionException e) {
            throw new AudioException(file + ": ffmpeg failed: " + e.getMessage());
        }
    }

    private static byte[] readAllBytes(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }

    private static String readAll(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
