package org.mnistmlp.datasets;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * Reads a whole file into memory, decompressing it when it is gzip (recognised by its magic
 * bytes, whatever its name). The uncompressed size in the gzip trailer only sizes the first
 * buffer, and only as far as deflate's maximum ratio and {@link #MAX_HINT} allow; beyond that,
 * memory grows with the bytes actually produced, so a forged size cannot exhaust the heap.
 */
final class FileContent {

    /** The largest array the JVM reliably allocates. */
    private static final int MAX_BYTES = Integer.MAX_VALUE - 8;
    /** Deflate cannot expand data by more than about this factor. */
    private static final long MAX_DEFLATE_RATIO = 1032;
    /** The largest first buffer a gzip trailer may ask for. */
    private static final int MAX_HINT = 1 << 28;
    private static final int INFLATER_BUFFER = 1 << 16;
    private static final int MIN_CAPACITY = 1 << 12;

    private FileContent() {}

    /**
     * @param file the file to read
     * @return its bytes, decompressed if it is gzip
     * @throws DatasetException naming the file if it cannot be read or its gzip stream is corrupt
     */
    static byte[] read(Path file) {
        byte[] raw;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new DatasetException(file + ": too large (" + Files.size(file) + " bytes)");
            }
            raw = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new DatasetException(file + ": cannot read the file (" + e + ")", e);
        }
        return unpack(file, raw);
    }

    /**
     * @param file the file's name for error messages
     * @param raw the bytes of a file
     * @return the bytes, decompressed if they are gzip
     * @throws DatasetException naming the file if its gzip stream is corrupt or too large
     */
    static byte[] unpack(Path file, byte[] raw) {
        return isGzip(raw) ? gunzip(file, raw) : raw;
    }

    private static boolean isGzip(byte[] raw) {
        return raw.length >= 2 && (raw[0] & 0xFF) == 0x1F && (raw[1] & 0xFF) == 0x8B;
    }

    private static byte[] gunzip(Path file, byte[] compressed) {
        try (InputStream in =
                new GZIPInputStream(new ByteArrayInputStream(compressed), INFLATER_BUFFER)) {
            return readAll(file, in, expectedSize(compressed));
        } catch (IOException e) {
            throw new DatasetException(file + ": corrupt gzip stream (" + e.getMessage() + ")", e);
        }
    }

    /** The size recorded in the gzip trailer when plausible, else a guess; only a hint. */
    private static int expectedSize(byte[] compressed) {
        int n = compressed.length;
        long recorded = n < 4 ? 0
                : (compressed[n - 4] & 0xFFL)
                        | (compressed[n - 3] & 0xFFL) << 8
                        | (compressed[n - 2] & 0xFFL) << 16
                        | (compressed[n - 1] & 0xFFL) << 24;
        boolean plausible = recorded > 0 && recorded <= MAX_DEFLATE_RATIO * n && recorded <= MAX_HINT;
        return plausible ? (int) recorded : (int) Math.min(MAX_HINT, 4L * n + MIN_CAPACITY);
    }

    private static byte[] readAll(Path file, InputStream in, int sizeHint) throws IOException {
        byte[] buffer = new byte[sizeHint];
        int length = 0;
        while (true) {
            if (length == buffer.length) {
                int next = in.read();
                if (next < 0) {
                    return buffer;
                }
                buffer = grow(file, buffer);
                buffer[length++] = (byte) next;
            }
            int read = in.read(buffer, length, buffer.length - length);
            if (read < 0) {
                return Arrays.copyOf(buffer, length);
            }
            length += read;
        }
    }

    private static byte[] grow(Path file, byte[] buffer) {
        if (buffer.length >= MAX_BYTES) {
            throw new DatasetException(file + ": decompresses to more than " + MAX_BYTES + " bytes");
        }
        long doubled = Math.max(MIN_CAPACITY, 2L * buffer.length);
        return Arrays.copyOf(buffer, (int) Math.min(MAX_BYTES, doubled));
    }
}
