package dev.starpace.server.audio;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads RIFF/WAVE files of any common layout — PCM 8, 16, 24 or 32 bit, IEEE float 32 or 64 bit,
 * WAVE_FORMAT_EXTENSIBLE, any channel count — into mono audio at the file's rate; writes 16-bit mono.
 */
public final class WavFile {
    private static final int PCM = 1;
    private static final int FLOAT = 3;
    private static final int EXTENSIBLE = 0xFFFE;
    private static final long STREAMING_SIZE = 0xFFFFFFFFL;

    private WavFile() {
    }

    public static Audio read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (java.nio.file.AccessDeniedException e) {
            throw new AudioException(file + ": permission denied");
        } catch (IOException e) {
            throw new AudioException(file + ": cannot read it");
        }
        return parse(bytes, file.toString());
    }

    public static Audio parse(byte[] bytes, String name) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length == 0) {
            throw new AudioException(name + ": empty file");
        }
        if (bytes.length < 12 || !tag(bytes, 0, "RIFF") || !tag(bytes, 8, "WAVE")) {
            throw new AudioException(name + ": not a WAV file (no RIFF/WAVE header)");
        }
        int format = -1;
        int channels = 0;
        int rate = 0;
        int bits = 0;
        int pos = 12;
        while (pos + 8 <= bytes.length) {
            String id = new String(bytes, pos, 4, java.nio.charset.StandardCharsets.US_ASCII);
            long size = b.getInt(pos + 4) & 0xFFFFFFFFL;
            int body = pos + 8;
            if (id.equals("fmt ") && (size < 16 || body + size > bytes.length)) {
                throw new AudioException(name + ": corrupt WAV: the format chunk claims " + size
                    + " bytes but must hold 16 and the file has " + (bytes.length - body) + " left");
            }
            if (id.equals("fmt ")) {
                if (body + 16 > bytes.length) {
                    throw new AudioException(name + ": corrupt WAV: the format chunk is cut short");
                }
                format = b.getShort(body) & 0xffff;
                channels = b.getShort(body + 2) & 0xffff;
                rate = b.getInt(body + 4);
                bits = b.getShort(body + 14) & 0xffff;
                if (format == EXTENSIBLE && size >= 40 && body + 26 <= bytes.length) {
                    format = b.getShort(body + 24) & 0xffff;
                }
            } else if (id.equals("data")) {
                if (format < 0) {
                    throw new AudioException(name + ": corrupt WAV: audio data comes before its format chunk");
                }
                long available = bytes.length - body;
                if (size == 0 || size == STREAMING_SIZE) {
                    size = available; // written by a streaming recorder that never went back to fill the size in
                } else if (size > available) {
                    throw new AudioException(name + ": truncated WAV: the header promises " + size
                        + " bytes of audio but the file holds " + available);
                }
                return new Audio(decode(b, body, (int) size, format, channels, bits, name), checkRate(rate, name));
            }
            // in long arithmetic: a huge chunk size must end the walk, not overflow the position
            long next = body + size + (size & 1);
            if (next > bytes.length) {
                break;
            }
            pos = (int) next;
        }
        throw new AudioException(name + ": corrupt WAV: no audio data chunk");
    }

    private static int checkRate(int rate, String name) {
        if (rate < 4_000 || rate > 384_000) {
            throw new AudioException(name + ": unsupported sample rate " + rate + " Hz (expected 4,000–384,000)");
        }
        return rate;
    }

    private static float[] decode(ByteBuffer b, int start, int size, int format, int channels, int bits, String name) {
        if (channels < 1 || channels > 32) {
            throw new AudioException(name + ": corrupt WAV: " + channels + " channels");
        }
        boolean pcm = format == PCM && (bits == 8 || bits == 16 || bits == 24 || bits == 32);
        boolean flt = format == FLOAT && (bits == 32 || bits == 64);
        if (!pcm && !flt) {
            throw new UnsupportedEncoding(name, format, bits);
        }
        int bytesPerSample = bits / 8;
        int frame = bytesPerSample * channels;
        int frames = size / frame;
        if (frames == 0) {
            throw new AudioException(name + ": empty WAV: no audio samples");
        }
        float[] out = new float[frames];
        for (int f = 0; f < frames; f++) {
            double sum = 0;
            for (int c = 0; c < channels; c++) {
                int at = start + f * frame + c * bytesPerSample;
                sum += sample(b, at, bits, flt);
            }
            out[f] = (float) (sum / channels);
        }
        return out;
    }

    private static double sample(ByteBuffer b, int at, int bits, boolean flt) {
        if (flt) {
            return bits == 32 ? b.getFloat(at) : b.getDouble(at);
        }
        return switch (bits) {
            case 8 -> ((b.get(at) & 0xff) - 128) / 128.0;
            case 16 -> b.getShort(at) / 32768.0;
            case 24 -> ((b.get(at) & 0xff) | (b.get(at + 1) & 0xff) << 8 | b.get(at + 2) << 16) / 8388608.0;
            default -> b.getInt(at) / 2147483648.0;
        };
    }

    /** A WAV whose samples are not PCM or float (mu-law, A-law, ADPCM…): one ffmpeg can read. */
    public static final class UnsupportedEncoding extends AudioException {
        private final String encoding;

        UnsupportedEncoding(String name, int format, int bits) {
            super(name + ": unsupported WAV encoding (" + encoding(format, bits) + "); convert it to 16-bit PCM");
            this.encoding = encoding(format, bits);
        }

        /** "mu-law (format 7)", as the file's header names it. */
        public String encoding() {
            return encoding;
        }

        private static String encoding(int format, int bits) {
            String kind = switch (format) {
                case 2 -> "Microsoft ADPCM";
                case 6 -> "A-law";
                case 7 -> "\u03bc-law";
                case 0x11 -> "IMA ADPCM";
                case 0x55 -> "MP3";
                case PCM -> bits + "-bit PCM";
                case FLOAT -> bits + "-bit float";
                default -> "an encoding";
            };
            return kind + " (format " + format + ")";
        }
    }

    private static boolean tag(byte[] bytes, int at, String tag) {
        for (int i = 0; i < 4; i++) {
            if (bytes[at + i] != tag.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Writes 16-bit mono PCM. */
    public static void write(Path file, Audio audio) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(header(audio.samples().length * 2, audio.sampleRate()));
            out.write(audio.toPcm16());
        }
    }

    /** The 44-byte header of a 16-bit mono PCM file with {@code dataBytes} of audio. */
    public static byte[] header(long dataBytes, int rate) {
        ByteBuffer h = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        h.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt((int) (36 + dataBytes))
            .put("WAVE".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
            .put("fmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16).putShort((short) PCM)
            .putShort((short) 1).putInt(rate).putInt(rate * 2).putShort((short) 2).putShort((short) 16)
            .put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt((int) dataBytes);
        return h.array();
    }
}
