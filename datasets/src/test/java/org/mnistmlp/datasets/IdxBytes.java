package org.mnistmlp.datasets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Builds small IDX files for tests. */
final class IdxBytes {

    private IdxBytes() {}

    /** An image file whose pixel {@code p} of image {@code i} is {@code (i * 7 + p) % 256}. */
    static byte[] images(int count, int rows, int cols) {
        ByteBuffer buffer = ByteBuffer.allocate(16 + count * rows * cols);
        buffer.putInt(IdxReader.IMAGES_MAGIC).putInt(count).putInt(rows).putInt(cols);
        for (int i = 0; i < count; i++) {
            for (int p = 0; p < rows * cols; p++) {
                buffer.put((byte) ((i * 7 + p) % 256));
            }
        }
        return buffer.array();
    }

    /** A label file whose label {@code i} is {@code i % 10}. */
    static byte[] labels(int count) {
        ByteBuffer buffer = ByteBuffer.allocate(8 + count);
        buffer.putInt(IdxReader.LABELS_MAGIC).putInt(count);
        for (int i = 0; i < count; i++) {
            buffer.put((byte) (i % 10));
        }
        return buffer.array();
    }

    static byte[] gzip(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static Path write(Path file, byte[] content) {
        try {
            return Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes a complete 28×28 data set into {@code folder}: {@code train} training and
     * {@code test} test images with labels; image files gzip, label files raw.
     */
    static Path writeDataset(Path folder, int train, int test) {
        write(folder.resolve("train-images-idx3-ubyte.gz"), gzip(images(train, 28, 28)));
        write(folder.resolve("train-labels-idx1-ubyte"), labels(train));
        write(folder.resolve("t10k-images-idx3-ubyte.gz"), gzip(images(test, 28, 28)));
        write(folder.resolve("t10k-labels-idx1-ubyte"), labels(test));
        return folder;
    }
}
