package org.mnistmlp.datasets;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * Parses IDX files of unsigned bytes: images ({@code idx3}, magic {@code 0x00000803}: count,
 * rows, columns, then the pixels row by row) and labels ({@code idx1}, magic {@code 0x00000801}:
 * count, then one byte per label). Header fields are big-endian. Every declared size is checked
 * against the bytes present before anything is allocated.
 */
final class IdxReader {

    static final int IMAGES_MAGIC = 0x00000803;
    static final int LABELS_MAGIC = 0x00000801;
    private static final int IMAGES_HEADER = 16;
    private static final int LABELS_HEADER = 8;

    /**
     * The images of one IDX file.
     *
     * @param count the number of images
     * @param rows the height of each image
     * @param cols the width of each image
     * @param pixels {@code count * rows * cols} pixel bytes, image after image, row by row
     */
    record Images(int count, int rows, int cols, byte[] pixels) {}

    private IdxReader() {}

    /**
     * @param file an IDX image file, raw or gzip
     * @return its images
     * @throws DatasetException naming the file if it cannot be read or is malformed
     */
    static Images readImages(Path file) {
        return parseImages(file.toString(), FileContent.read(file));
    }

    /**
     * @param file an IDX label file, raw or gzip
     * @param classes the number of classes; every label must lie in {@code 0..classes-1}
     * @return one label per byte
     * @throws DatasetException naming the file if it cannot be read or is malformed
     */
    static byte[] readLabels(Path file, int classes) {
        return parseLabels(file.toString(), FileContent.read(file), classes);
    }

    /**
     * @param file the name to use in error messages
     * @param content the uncompressed bytes of an IDX image file
     * @return its images
     */
    static Images parseImages(String file, byte[] content) {
        checkHeader(file, content, IMAGES_MAGIC, IMAGES_HEADER, "images");
        int count = nonNegative(file, content, 4, "image count");
        int rows = nonNegative(file, content, 8, "row count");
        int cols = nonNegative(file, content, 12, "column count");
        long expected = IMAGES_HEADER + pixelCount(count, rows, cols);
        String declared = count + " images of " + rows + "×" + cols + " pixels";
        checkLength(file, content, expected, declared);
        return new Images(count, rows, cols, Arrays.copyOfRange(content, IMAGES_HEADER, (int) expected));
    }

    /**
     * @param file the name to use in error messages
     * @param content the uncompressed bytes of an IDX label file
     * @param classes the number of classes; every label must lie in {@code 0..classes-1}
     * @return one label per byte
     */
    static byte[] parseLabels(String file, byte[] content, int classes) {
        checkHeader(file, content, LABELS_MAGIC, LABELS_HEADER, "labels");
        int count = nonNegative(file, content, 4, "label count");
        long expected = LABELS_HEADER + (long) count;
        checkLength(file, content, expected, count + " labels");
        byte[] labels = Arrays.copyOfRange(content, LABELS_HEADER, (int) expected);
        for (int i = 0; i < labels.length; i++) {
            int label = labels[i] & 0xFF;
            if (label >= classes) {
                throw new DatasetException(file + ": label " + label + " at index " + i
                        + " is outside 0.." + (classes - 1));
            }
        }
        return labels;
    }

    private static void checkHeader(String file, byte[] content, int magic, int headerLength, String kind) {
        if (content.length < headerLength) {
            throw new DatasetException(file + ": too short for an IDX " + kind + " header: "
                    + content.length + " bytes, expected at least " + headerLength);
        }
        int found = intAt(content, 0);
        if (found != magic) {
            throw new DatasetException(String.format(
                    "%s: wrong magic number 0x%08X, expected 0x%08X (IDX %s)", file, found, magic, kind));
        }
    }

    private static int nonNegative(String file, byte[] content, int offset, String field) {
        int value = intAt(content, offset);
        if (value < 0) {
            throw new DatasetException(file + ": negative " + field + " " + value + " in the header");
        }
        return value;
    }

    private static void checkLength(String file, byte[] content, long expected, String declared) {
        if (content.length < expected) {
            throw new DatasetException(file + ": truncated: the header declares " + declared
                    + ", which needs " + expected + " bytes, but there are only " + content.length);
        }
        if (content.length > expected) {
            throw new DatasetException(file + ": " + (content.length - expected)
                    + " unexpected bytes after the " + declared + " the header declares (expected "
                    + expected + " bytes, found " + content.length + ")");
        }
    }

    /** @return {@code count * rows * cols}, or {@code Long.MAX_VALUE - IMAGES_HEADER} if larger */
    private static long pixelCount(int count, int rows, int cols) {
        try {
            return Math.multiplyExact(Math.multiplyExact((long) count, rows), cols);
        } catch (ArithmeticException overflow) {
            return Long.MAX_VALUE - IMAGES_HEADER;
        }
    }

    private static int intAt(byte[] content, int offset) {
        return (content[offset] & 0xFF) << 24
                | (content[offset + 1] & 0xFF) << 16
                | (content[offset + 2] & 0xFF) << 8
                | (content[offset + 3] & 0xFF);
    }
}
