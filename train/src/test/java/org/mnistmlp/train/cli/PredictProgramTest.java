package org.mnistmlp.train.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistmlp.datasets.DatasetName;
import org.mnistmlp.datasets.ImageSet;
import org.mnistmlp.datasets.MnistLoader;
import org.mnistmlp.datasets.RenderedDigits;
import org.mnistmlp.train.Evaluation;
import org.mnistmlp.train.TrainedModel;

/** {@code predict} end to end: real test digits saved as a user's photos are classified as their originals. */
class PredictProgramTest {
    private static final List<String> FORMATS = List.of("png", "jpg", "bmp", "gif");
    private static final int DIGITS = 40;

    @TempDir
    static Path run;
    private static Path model;
    private static ImageSet test;

    @BeforeAll
    static void trainBrieflyOnTheSubset() {
        ProgramRun training = ProgramRun.of("--data", ProgramRun.SUBSET.toString(), "--out", run.toString(),
                "--hidden", "64", "--epochs", "3", "--lr", "0.1", "--seed", "7");
        assertEquals(0, training.exitCode(), training.toString());
        model = run.resolve("model.bin");
        test = MnistLoader.fromFolder(DatasetName.MNIST, ProgramRun.SUBSET).test();
    }

    /** Test image {@code i} enlarged ten times, off-centre, dark on white, in one of the four formats. */
    private static Path photo(Path folder, int i) throws IOException {
        String format = FORMATS.get(i % FORMATS.size());
        Path file = folder.resolve(String.format("digit%02d.%s", i, format));
        assertTrue(ImageIO.write(RenderedDigits.photo(test, i, 10), format, file.toFile()), format);
        return file;
    }

    @Test
    void photosOfRealDigitsInEveryFormatAreClassifiedAsTheirOriginals(@TempDir Path photos) throws IOException {
        for (int i = 0; i < DIGITS; i++) {
            photo(photos, i);
        }
        TrainedModel loaded = TrainedModel.load(model);
        int[] original = Evaluation.of(loaded.model(), test, loaded.normalization(), 10).predicted();

        ProgramRun predict = ProgramRun.of("predict", photos.toString(), "--model", model.toString(), "--json");

        assertEquals(0, predict.exitCode(), predict.toString());
        JsonArray results = JsonParser.parseString(predict.out()).getAsJsonArray();
        assertEquals(DIGITS, results.size());
        int agree = 0;
        for (int i = 0; i < DIGITS; i++) {
            JsonObject r = results.get(i).getAsJsonObject();
            assertTrue(r.get("file").getAsString().endsWith(String.format("digit%02d.%s", i, FORMATS.get(i % 4))), "name order");
            assertEquals(3, r.getAsJsonArray("top").size());
            agree += r.get("class").getAsInt() == original[i] ? 1 : 0;
        }
        assertTrue(agree >= DIGITS * 9 / 10, agree + " of " + DIGITS + " photos classified as their originals");
    }

    @Test
    void textNamesEachFileItsClassAndTheTopProbabilities(@TempDir Path photos) throws IOException {
        Path file = photo(photos, 0);
        ProgramRun predict = ProgramRun.of("predict", file.toString(), "--model", model.toString(), "--top", "4");
        assertEquals(0, predict.exitCode(), predict.toString());
        String line = predict.out().strip();
        assertTrue(line.matches(java.util.regex.Pattern.quote(file.toString()) + ": (\\d) \\(\\1 \\d+\\.\\d%(, \\d \\d+\\.\\d%){3}\\)"), line);
        assertTrue(predict.err().isEmpty(), predict.err());
    }

    @Test
    void eachBadFileGetsOneErrorLineAndTheOthersAreStillClassified(@TempDir Path photos) throws IOException {
        photo(photos, 0);
        photo(photos, 1);
        Files.writeString(photos.resolve("notes.png"), "not an image");
        BufferedImage blank = new BufferedImage(200, 150, BufferedImage.TYPE_INT_RGB);
        blank.getGraphics().fillRect(0, 0, 200, 150);
        ImageIO.write(blank, "png", photos.resolve("blank.png").toFile());
        Path missing = photos.resolve("missing.jpg");
        Path empty = Files.createDirectory(photos.resolve("empty"));

        ProgramRun predict = ProgramRun.of("predict", photos.toString(), missing.toString(), empty.toString(),
                "--model", model.toString());

        assertEquals(1, predict.exitCode(), predict.toString());
        assertEquals(2, predict.out().lines().count(), predict.out());
        assertEquals(List.of(
                "error: " + photos.resolve("blank.png") + ": no ink found",
                "error: " + photos.resolve("notes.png") + ": not an image (PNG, JPEG, BMP or GIF)",
                "error: " + missing + ": no such file",
                "error: " + empty + ": no PNG, JPEG, BMP or GIF files in this folder"), predict.err().lines().toList());
    }

    @Test
    void jsonCarriesErrorsBesideResults(@TempDir Path photos) throws IOException {
        Path good = photo(photos, 3);
        Path bad = Files.writeString(photos.resolve("notes.gif"), "text");
        ProgramRun predict = ProgramRun.of("predict", good.toString(), bad.toString(), "--model", model.toString(), "--json", "--top", "1");
        assertEquals(1, predict.exitCode(), predict.toString());
        JsonArray results = JsonParser.parseString(predict.out()).getAsJsonArray();
        JsonObject first = results.get(0).getAsJsonObject();
        assertEquals(first.get("class").getAsInt(), first.getAsJsonArray("top").get(0).getAsJsonObject().get("class").getAsInt());
        assertEquals(String.valueOf(first.get("class").getAsInt()), first.get("name").getAsString(), "MNIST's class names are its digits");
        assertEquals("not an image (PNG, JPEG, BMP or GIF)", results.get(1).getAsJsonObject().get("error").getAsString());
    }

    @Test
    void fashionModelsNameTheirClassesInWords(@TempDir Path fashion, @TempDir Path photos) throws IOException {
        // the subset's files read as Fashion-MNIST: what matters here is the data set the model says it learnt
        ProgramRun training = ProgramRun.of("--dataset", "fashion-mnist", "--data", ProgramRun.SUBSET.toString(),
                "--out", fashion.toString(), "--hidden", "16", "--epochs", "1");
        assertEquals(0, training.exitCode(), training.toString());
        ProgramRun predict = ProgramRun.of("predict", photo(photos, 0).toString(), "--model",
                fashion.resolve("model.bin").toString(), "--json");
        assertEquals(0, predict.exitCode(), predict.toString());
        JsonObject result = JsonParser.parseString(predict.out()).getAsJsonArray().get(0).getAsJsonObject();
        assertEquals(DatasetName.FASHION_MNIST.classNames().get(result.get("class").getAsInt()), result.get("name").getAsString());
    }

    @Test
    void topMustBeBetweenOneAndTheNumberOfClasses(@TempDir Path photos) throws IOException {
        ProgramRun predict = ProgramRun.of("predict", photo(photos, 0).toString(), "--model", model.toString(), "--top", "11");
        assertEquals(2, predict.exitCode(), predict.toString());
        assertTrue(predict.err().startsWith("--top: must be between 1 and 10, got 11"), predict.err());
    }
}
