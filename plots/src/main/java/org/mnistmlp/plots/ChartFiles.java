package org.mnistmlp.plots;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;

/** Writes charts to image files. Works without a display. */
public final class ChartFiles {

    private ChartFiles() {}

    /**
     * Writes the chart as a PNG at its own size, atomically: the image goes to a temporary file in
     * the same folder, which is then moved over {@code file}, so a reader never sees a half-written
     * PNG. Creates the folder if needed.
     *
     * @throws UncheckedIOException with a one-line message naming the file if it cannot be written
     */
    public static void writePng(XYChart chart, Path file) {
        Path target = file.toAbsolutePath();
        Path temporary = null;
        try {
            Files.createDirectories(target.getParent());
            temporary = Files.createFile(target.resolveSibling("." + target.getFileName() + "." + System.nanoTime() + ".tmp"));
            try (OutputStream out = Files.newOutputStream(temporary)) {
                ImageIO.write(BitmapEncoder.getBufferedImage(chart), "png", out);
            }
            moveOver(temporary, target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write chart to " + target + ": " + describe(e), e);
        } finally {
            deleteQuietly(temporary);
        }
    }

    private static void moveOver(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage() == null ? "" : " " + e.getMessage().replaceAll("\\s+", " ");
        return e.getClass().getSimpleName() + message;
    }

    private static void deleteQuietly(Path temporary) {
        if (temporary == null) {
            return;
        }
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
            // the temporary file is hidden and harmless; the write itself already succeeded or failed
        }
    }
}
