package org.mnistmlp.nn;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Model files are read and written whole: read with their size checked first, written so that a
 * reader, or a crash, never sees half of one (a synced temporary file in the same folder, then an
 * atomic move).
 */
final class WholeFile {
    /** The largest array the JVM reliably allocates. */
    private static final long MAX_BYTES = Integer.MAX_VALUE - 8;

    private WholeFile() {}

    /**
     * The bytes of {@code file}.
     *
     * @param what what the file is, for the error message (e.g. "model file")
     * @throws ModelFileException if it does not exist, is too large for an array, or cannot be read
     */
    static byte[] read(Path file, String what) {
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new ModelFileException(what + " " + file + " is too large (" + size + " bytes)");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ModelFileException(what + " " + file + " does not exist", e);
        } catch (IOException e) {
            throw new ModelFileException("cannot read " + what + " " + file + ": " + e, e);
        }
    }

    /**
     * Replaces {@code file} with {@code content}, creating its folder if needed.
     *
     * @param what what the file is, for the error message (e.g. "model file")
     * @throws ModelFileException if the file cannot be written; no temporary file is left behind
     */
    static void write(Path file, byte[] content, String what) {
        Path target = file.toAbsolutePath();
        Path tmp = null;
        try {
            Files.createDirectories(target.getParent());
            tmp = Files.createFile(target.resolveSibling("." + target.getFileName() + "." + System.nanoTime() + ".tmp"));
            try (FileOutputStream out = new FileOutputStream(tmp.toFile())) {
                out.write(content);
                out.getFD().sync();
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new ModelFileException("cannot write " + what + " " + file + ": " + e, e);
        }
    }

    private static void deleteQuietly(Path tmp) {
        if (tmp != null) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the write already failed; that error is the one to report
            }
        }
    }
}
