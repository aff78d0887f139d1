package org.mnistmlp.train.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistmlp.nn.Init;
import org.mnistmlp.nn.Mlp;
import org.mnistmlp.nn.ModelFile;
import org.mnistmlp.nn.Module;

/** The program end to end on the committed subset of real digits: what it prints and what it leaves. */
class TrainProgramTest {

    private static ProgramRun train(Path out, int epochs) {
        return ProgramRun.of("--data", ProgramRun.SUBSET.toString(), "--out", out.toString(),
                "--hidden", "64", "--epochs", String.valueOf(epochs), "--lr", "0.1", "--seed", "7");
    }

    private static JsonObject metrics(Path dir) throws IOException {
        return JsonParser.parseString(Files.readString(dir.resolve("metrics.json"))).getAsJsonObject();
    }

    @Test
    void trainsAndLeavesMetricsPlotsAndModel(@TempDir Path out) throws IOException {
        ProgramRun run = train(out, 3);
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("Linear(784 → 64)"), run.out());
        assertTrue(run.out().contains("parameters") && run.out().contains("kernels") && run.out().contains("local folder"), run.out());
        assertEquals(3, run.out().lines().filter(l -> l.startsWith("epoch ")).count(), "one line per epoch when not on a terminal");
        assertTrue(run.out().contains("done: test accuracy"), run.out());

        JsonObject m = metrics(out);
        assertEquals("completed", m.get("status").getAsString());
        assertEquals(64, m.getAsJsonObject("config").getAsJsonArray("hidden").get(0).getAsInt());
        assertEquals("sgd", m.getAsJsonObject("config").get("optimizer").getAsString());
        assertEquals(0.9, m.getAsJsonObject("config").get("momentum").getAsDouble());
        assertEquals("cosine", m.getAsJsonObject("config").get("schedule").getAsString());
        JsonArray epochs = m.getAsJsonArray("epochs");
        assertEquals(3, epochs.size());
        for (int i = 0; i < 3; i++) {
            JsonObject e = epochs.get(i).getAsJsonObject();
            assertEquals(i + 1, e.get("epoch").getAsInt());
            for (String key : List.of("train_loss", "test_loss", "test_accuracy", "train_seconds")) {
                assertTrue(e.has(key), key);
            }
            assertTrue(e.get("test_accuracy").getAsDouble() > 0.5 && e.get("test_accuracy").getAsDouble() <= 1, e.toString());
        }
        double first = epochs.get(0).getAsJsonObject().get("train_loss").getAsDouble();
        double last = epochs.get(2).getAsJsonObject().get("train_loss").getAsDouble();
        assertTrue(last < first, "training loss falls: " + first + " -> " + last);
        assertEquals(3 * 32, m.getAsJsonArray("step_loss").size(), "2,000 images in batches of 64: 32 steps an epoch");

        for (String png : List.of("loss.png", "accuracy.png")) {
            BufferedImage image = ImageIO.read(out.resolve(png).toFile());
            assertTrue(image.getWidth() >= 600 && image.getHeight() >= 400, png);
        }
        Module model = Mlp.of(List.of(784, 64, 10), "relu", Init.DEFAULT, 99);
        ModelFile.load(model, out.resolve("model.bin"));
    }

    @Test
    void sameSeedSameNumbers(@TempDir Path a, @TempDir Path b) throws IOException {
        assertEquals(0, train(a, 1).exitCode());
        assertEquals(0, train(b, 1).exitCode());
        JsonObject ea = metrics(a).getAsJsonArray("epochs").get(0).getAsJsonObject();
        JsonObject eb = metrics(b).getAsJsonArray("epochs").get(0).getAsJsonObject();
        for (String key : List.of("train_loss", "test_loss", "test_accuracy")) {
            assertEquals(ea.get(key).getAsDouble(), eb.get(key).getAsDouble(), 0.0, key);
        }
        assertEquals(metrics(a).get("step_loss"), metrics(b).get("step_loss"));
        assertArrayEquals(Files.readAllBytes(a.resolve("model.bin")), Files.readAllBytes(b.resolve("model.bin")));
    }

    @Test
    void evaluatePrintsAccuracyConfusionMatrixAndPerClassFiguresAndDrawsThem(@TempDir Path out, @TempDir Path pictures)
            throws IOException {
        assertEquals(0, train(out, 1).exitCode());
        ProgramRun eval = ProgramRun.of("evaluate", "--model", out.resolve("model.bin").toString(),
                "--data", ProgramRun.SUBSET.toString(), "--out", pictures.toString(), "--mistakes", "10");
        assertEquals(0, eval.exitCode(), eval.toString());
        assertTrue(eval.out().contains("test accuracy"), eval.out());
        assertTrue(eval.out().contains("confusion matrix"), eval.out());
        long rows = eval.out().lines().filter(l -> l.matches("\\s+\\d(\\s+\\d+){10}")).count();
        assertEquals(10, rows, eval.out());

        List<String> perClass = eval.out().lines().filter(l -> l.matches("\\d\\s+(0\\.\\d{4}|1\\.0000|n/a)(\\s+\\S+){2}\\s+\\d+")).toList();
        assertEquals(10, perClass.size(), eval.out());
        assertEquals(500, perClass.stream().mapToInt(l -> Integer.parseInt(l.substring(l.lastIndexOf(' ') + 1))).sum(),
                "the supports add up to the 500 test images");
        assertTrue(eval.out().lines().anyMatch(l -> l.startsWith("macro average") && l.endsWith(" 500")), eval.out());

        BufferedImage confusion = ImageIO.read(pictures.resolve("confusion.png").toFile());
        assertTrue(confusion.getWidth() >= 10 * 52 && confusion.getHeight() >= 10 * 52, "ten cells of at least 52 px a side");
        BufferedImage mistakes = ImageIO.read(pictures.resolve("mistakes.png").toFile());
        assertTrue(mistakes.getWidth() >= 4 * 84 && mistakes.getHeight() >= 3 * 84, "10 mistakes: 4 columns, 3 rows of 84 px tiles");
        BufferedImage weights = ImageIO.read(pictures.resolve("weights.png").toFile());
        assertTrue(weights.getWidth() >= 8 * 84 && weights.getHeight() >= 8 * 84, "64 hidden units: an 8×8 grid of 84 px tiles");
        assertFalse(Files.exists(out.resolve("confusion.png")), "--out chose where the pictures go");
    }

    @Test
    void evaluateWritesBesideTheModelByDefaultAndRefusesAnotherDataset(@TempDir Path out) {
        assertEquals(0, train(out, 1).exitCode());
        ProgramRun eval = ProgramRun.of("evaluate", "--model", out.resolve("model.bin").toString(),
                "--data", ProgramRun.SUBSET.toString(), "--mistakes", "0");
        assertEquals(0, eval.exitCode(), eval.toString());
        for (String png : List.of("confusion.png", "mistakes.png", "weights.png")) {
            assertTrue(Files.isRegularFile(out.resolve(png)), png);
        }
        ProgramRun wrong = ProgramRun.of("evaluate", "--model", out.resolve("model.bin").toString(),
                "--data", ProgramRun.SUBSET.toString(), "--dataset", "fashion-mnist");
        assertEquals(2, wrong.exitCode(), wrong.toString());
        assertTrue(wrong.err().contains("--dataset fashion-mnist contradicts the model, which was trained on mnist"), wrong.err());
    }

    @Test
    void compareCarriesTheOptimizerAndScheduleOptions(@TempDir Path out) throws IOException {
        ProgramRun run = ProgramRun.of("compare", "--activation", "relu,tanh", "--epochs", "1", "--hidden", "32",
                "--optimizer", "adamw", "--schedule", "one-cycle", "--data", ProgramRun.SUBSET.toString(), "--out", out.toString());
        assertEquals(0, run.exitCode(), run.toString());
        JsonObject config = metrics(out.resolve("activation-tanh")).getAsJsonObject("config");
        assertEquals("adamw", config.get("optimizer").getAsString());
        assertEquals(0.001, config.get("lr").getAsDouble(), "adamw's default rate");
        assertEquals(0.01, config.get("weight_decay").getAsDouble(), "adamw's default weight decay");
        assertEquals("one-cycle", config.get("schedule").getAsString());
        assertEquals(0.3, config.get("warmup_epochs").getAsDouble(), 1e-12, "30% of the run rises");
        assertTrue(metrics(out.resolve("activation-tanh")).getAsJsonArray("epochs").get(0).getAsJsonObject().get("test_accuracy").getAsDouble() > 0.5);
    }

    @Test
    void gradcheckPassesEveryOpAndLayer() {
        ProgramRun run = ProgramRun.of("gradcheck");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains(GradCheckCommand.cases().size() + " passed, 0 failed"), run.out());
        assertTrue(run.out().contains("MLP 5-7-3 silu"), run.out());
    }

    @Test
    void benchPrintsThePeersFigures() {
        ProgramRun run = ProgramRun.of("bench", "--epochs", "1", "--data", ProgramRun.SUBSET.toString());
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("Linear(784 → 128)"), run.out());
        String json = run.out().lines().filter(l -> l.startsWith("{")).findFirst().orElseThrow();
        JsonObject o = JsonParser.parseString(json).getAsJsonObject();
        assertEquals(1, o.getAsJsonArray("epoch_s").size());
        assertTrue(o.get("samples_per_s").getAsDouble() > 0);
    }
}
