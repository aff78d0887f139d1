package org.mnistmlp.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** The folder a run writes to, created and proven writable before any training starts. */
final class OutputDir {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private OutputDir() {}

    /** {@code requested}, or a new folder under {@code runs/} named after the time, ready for writing. */
    static Path prepare(Path requested) {
        Path dir = requested != null ? requested : stamped("runs");
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".write-check", ".tmp");
            Files.delete(probe);
            return dir;
        } catch (IOException | SecurityException e) {
            IOException cause = e instanceof IOException io ? io : new IOException(e);
            throw new UncheckedIOException("cannot write to output folder " + dir + " (" + describe(e) + ")", cause);
        }
    }

    /** A folder under {@code parent} named after the time, e.g. {@code runs/20261122-011512}. */
    static Path stamped(String parent) {
        return Path.of(parent, LocalDateTime.now().format(STAMP));
    }

    private static String describe(Exception e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName().replace("Exception", "") + (m == null ? "" : ": " + m);
    }
}
