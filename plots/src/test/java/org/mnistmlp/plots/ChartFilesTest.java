package org.mnistmlp.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;

class ChartFilesTest {

    @TempDir
    Path folder;

    @Test
    void writesOneRunsChartsAsReadablePngs() throws IOException {
        RunHistory run = SampleRuns.decaying("relu", 5, 938, 0.98, 1);

        assertIsChartImage(write(Charts.loss(run), "loss.png"));
        assertIsChartImage(write(Charts.accuracy(run), "accuracy.png"));
    }

    @Test
    void writesComparisonChartsAsReadablePngs() throws IOException {
        List<RunHistory> runs = List.of(SampleRuns.decaying("relu", 5, 200, 0.98, 1),
                SampleRuns.decaying("tanh", 5, 200, 0.96, 2));

        assertIsChartImage(write(Charts.lossComparison(runs), "loss-by-run.png"));
        assertIsChartImage(write(Charts.accuracyComparison(runs), "accuracy-by-run.png"));
    }

    @Test
    void replacesAnExistingFileAndLeavesNoTemporaryFiles() throws IOException {
        Path target = folder.resolve("charts").resolve("loss.png");
        Files.createDirectories(target.getParent());
        Files.writeString(target, "an older, broken chart");

        ChartFiles.writePng(Charts.loss(SampleRuns.decaying("relu", 2, 50, 0.9, 1)), target);

        assertIsChartImage(ImageIO.read(target.toFile()));
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertEquals(List.of(target), files.toList());
        }
    }

    @Test
    void createsMissingFolders() throws IOException {
        Path target = folder.resolve("a/b/loss.png");

        ChartFiles.writePng(Charts.loss(new RunHistory("relu")), target);

        assertIsChartImage(ImageIO.read(target.toFile()));
    }

    @Test
    void unwritableFolderGivesOneLineErrorNamingTheFile() throws IOException {
        Path regularFile = Files.writeString(folder.resolve("not-a-folder"), "x");
        Path target = regularFile.resolve("loss.png");

        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> ChartFiles.writePng(Charts.loss(new RunHistory("relu")), target));

        assertTrue(e.getMessage().startsWith("cannot write " + target + ": "),
                e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "the message must be one line");
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of(regularFile), files.toList());
        }
    }

    private BufferedImage write(XYChart chart, String name) throws IOException {
        Path target = folder.resolve(name);
        ChartFiles.writePng(chart, target);
        return ImageIO.read(target.toFile());
    }

    private static void assertIsChartImage(BufferedImage image) {
        assertEquals(800, image.getWidth());
        assertEquals(500, image.getHeight());
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0,
                image.getWidth());
        long colours = Arrays.stream(pixels).distinct().count();
        assertTrue(colours > 10, "a chart has lines, text and background; found " + colours
                + " colours");
    }
}
