package org.mnistmlp.train.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;
import picocli.CommandLine.Option;

/**
 * Where a command keeps its results: {@code --out}, or a new folder under {@code runs/} named after
 * the time. Two runs never share a folder: a new one is created atomically, with a suffix
 * ({@code -2}, {@code -3}, ...) when its name is taken, and an {@code --out} that already holds files
 * is refused unless {@code --overwrite} is given. A command that fails before writing anything
 * leaves no folder behind.
 */
final class OutputOptions {
    static final Path RUNS = Path.of("runs");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    @Option(names = "--out", paramLabel = "DIR", description = "where to keep the results (default: a new folder under runs/)")
    Path out;

    @Option(names = "--overwrite", description = "write into an --out that already holds files, replacing those the run writes")
    boolean overwrite;

    /**
     * Creates the output folder, proves it writable, and runs {@code command} with it. If the command
     * throws while the folder it got is still empty, the folder is removed (when this call created it).
     */
    int run(ToIntFunction<Path> command) {
        Path made = out != null ? out : Files.isDirectory(RUNS) ? null : RUNS;   // the outermost folder made here
        boolean created = out == null || !Files.isDirectory(out);
        Path dir = out != null ? requested(out, overwrite) : createUnique(RUNS, LocalDateTime.now().format(STAMP));
        try {
            requireWritable(dir);
            return command.applyAsInt(dir);
        } catch (RuntimeException e) {
            if (created) {
                deleteIfEmpty(dir);
                if (made != null && !made.equals(dir)) {
                    deleteIfEmpty(made);
                }
            }
            throw e;
        }
    }

    private static Path requested(Path dir, boolean overwrite) {
        if (Files.isDirectory(dir) && !overwrite && !isEmpty(dir)) {
            throw new ErrorReport.UsageError("--out " + dir + " already holds files; choose another folder or add --overwrite");
        }
        try {
            return Files.createDirectories(dir);
        } catch (IOException | SecurityException e) {
            throw cannotWrite(dir, e);
        }
    }

    /**
     * Creates {@code parent/name}, or {@code parent/name-2}, {@code name-3}, ... if taken, atomically:
     * of two programs asking for the same name at once, each gets a folder of its own.
     */
    static Path createUnique(Path parent, String name) {
        try {
            Files.createDirectories(parent);
            for (int n = 1; ; n++) {
                Path dir = parent.resolve(n == 1 ? name : name + "-" + n);
                try {
                    return Files.createDirectory(dir);
                } catch (FileAlreadyExistsException taken) {
                    // another run has it: try the next suffix
                }
            }
        } catch (IOException | SecurityException e) {
            throw cannotWrite(parent, e);
        }
    }

    /** A folder inside a command's output folder, for one of several runs. */
    static Path subfolder(Path dir, String name) {
        try {
            return Files.createDirectories(dir.resolve(name));
        } catch (IOException | SecurityException e) {
            throw cannotWrite(dir.resolve(name), e);
        }
    }

    private static void requireWritable(Path dir) {
        try {
            Files.delete(Files.createTempFile(dir, ".write-check", ".tmp"));
        } catch (IOException | SecurityException e) {
            throw cannotWrite(dir, e);
        }
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteIfEmpty(Path dir) {
        try {
            if (isEmpty(dir)) {
                Files.deleteIfExists(dir);
            }
        } catch (IOException ignored) {
            // the folder stays; the command's own error is the one to report
        }
    }

    private static UncheckedIOException cannotWrite(Path dir, Exception e) {
        IOException cause = e instanceof IOException io ? io : new IOException(e);
        String reason = e.getMessage() == null ? "" : " (" + reason(e) + ")";
        return new UncheckedIOException("cannot write to output folder " + dir + reason, cause);
    }

    /** An I/O failure in words: "not a directory: /x/file" rather than "NotDirectoryException: /x/file". */
    private static String reason(Exception e) {
        String kind = e.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2");
        return kind.isEmpty() || kind.equals("IO") ? e.getMessage() : kind.toLowerCase(java.util.Locale.ROOT) + ": " + e.getMessage();
    }
}
