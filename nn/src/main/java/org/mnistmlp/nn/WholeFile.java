package org.mnistmlp.nn;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Model files are read and written whole: read with their size checked first, written so that a
 * reader, or a crash, never sees half of one (a synced temporary file in the same folder, then an
 * atomic move). A failure is told in one line, in words, naming the file the caller asked for (not the
 * temporary one).
 */
public final class WholeFile {
    /** The largest array the JVM reliably allocates. */
    private static final long MAX_BYTES = Integer.MAX_VALUE - 8;

    private WholeFile() {}

    /**
     * The bytes of {@code file}.
     *
     * @param what what the file is, for the error message (e.g. "model file")
     * @throws ModelFileException if it does not exist, is a folder, is too large for an array, or cannot be read
     */
    static byte[] read(Path file, String what) {
        if (Files.isDirectory(file)) {
            throw new ModelFileException("cannot read " + what + " " + file + ": it is a folder");
        }
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new ModelFileException(what + " " + file + " is too large (" + size + " bytes)");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ModelFileException(what + " " + file + " does not exist", e);
        } catch (IOException e) {
            throw new ModelFileException("cannot read " + what + " " + file + ": " + inWords(e), e);
        }
    }

    /**
     * Replaces {@code file} with {@code content}, creating its folder if needed.
     *
     * @param file the file to write
     * @param content all of its bytes
     * @param what what the file is, for the error message (e.g. "model file", "ONNX model")
     * @throws ModelFileException if the file cannot be written, e.g. {@code "cannot write ONNX model out/m.onnx:
     *     permission denied"}; no temporary file is left behind
     */
    public static void write(Path file, byte[] content, String what) {
        Path target = file.toAbsolutePath();
        if (Files.isDirectory(target)) {
            throw new ModelFileException("cannot write " + what + " " + file + ": it is a folder");
        }
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
            throw new ModelFileException("cannot write " + what + " " + file + ": " + inWords(e), e);
        }
    }

    /** Why a file operation failed, without the exception's class or the temporary file's name. */
    private static String inWords(IOException e) {
        if (e instanceof FileAlreadyExistsException exists) {
            return exists.getFile() + " is not a folder";   // from createDirectories: the temporary names are unique
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException missing && missing.getFile() != null) {
            return "no file can be created in " + Path.of(missing.getFile()).getParent();
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason().toLowerCase(Locale.ROOT);
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
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
