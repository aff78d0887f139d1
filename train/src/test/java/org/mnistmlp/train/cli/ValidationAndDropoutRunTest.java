package org.mnistmlp.train.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistmlp.datasets.DatasetName;
import org.mnistmlp.datasets.MnistData;
import org.mnistmlp.datasets.MnistLoader;
import org.mnistmlp.datasets.Normalization;
import org.mnistmlp.nn.ModelFile;
import org.mnistmlp.nn.Module;
import org.mnistmlp.train.Evaluation;

/** The program with a validation split, early stopping and dropout, on the committed subset of real digits. */
class ValidationAndDropoutRunTest {

    private static ProgramRun train(Path out, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("--data", ProgramRun.SUBSET.toString(), "--out", out.toString(),
                "--hidden", "32", "--lr", "0.1", "--seed", "3"));
        args.addAll(List.of(extra));
        return ProgramRun.of(args.toArray(String[]::new));
    }

    private static JsonObject metrics(Path dir) throws IOException {
        return JsonParser.parseString(Files.readString(dir.resolve("metrics.json"))).getAsJsonObject();
    }

    /** The test accuracy of the saved model.bin, rebuilt as the options describe it. */
    private static double savedModelTestAccuracy(Path dir, double inputDropout, double dropout) {
        MnistData data = MnistLoader.fromFolder(DatasetName.MNIST, ProgramRun.SUBSET);
        Module model = ModelOptions.mlp(data.name(), List.of(32), "relu", 0, inputDropout, dropout);
        ModelFile.load(model, dir.resolve("model.bin"));
        return Evaluation.of(model, data.test(), Normalization.forDataset(DatasetName.MNIST), 10).accuracy();
    }

    @Test
    void everyEpochReportsValidationAndTheBestEpochIsTheModelKept(@TempDir Path out) throws IOException {
        ProgramRun run = train(out, "--validation", "400", "--epochs", "4", "--monitor", "accuracy");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("(1,600 train, 400 validation, 500 test images)"), run.out());
        assertEquals(4, run.out().lines().filter(l -> l.matches("epoch \\d/4  train loss .* validation loss .* validation accuracy .* test accuracy .*")).count(), run.out());

        JsonObject m = metrics(out);
        JsonArray epochs = m.getAsJsonArray("epochs");
        int best = m.get("best_epoch").getAsInt();
        assertEquals("validation accuracy", m.get("best_by").getAsString());
        double bestAccuracy = -1;
        int expected = 0;
        for (int i = 0; i < epochs.size(); i++) {
            double a = epochs.get(i).getAsJsonObject().get("validation_accuracy").getAsDouble();
            if (a > bestAccuracy) {
                bestAccuracy = a;
                expected = i + 1;
            }
        }
        assertEquals(expected, best, "the first epoch with the highest validation accuracy");
        JsonObject kept = epochs.get(best - 1).getAsJsonObject();
        assertEquals(kept.get("test_accuracy").getAsDouble(), savedModelTestAccuracy(out, 0, 0), 0.0,
                "model.bin holds the best epoch's parameters");
        assertTrue(run.out().contains(String.format("done: test accuracy %.2f%% at epoch %d, the best of 4 by validation accuracy",
                kept.get("test_accuracy").getAsDouble() * 100, best)), run.out());
    }

    @Test
    void earlyStoppingEndsAfterPatienceEpochsWithoutImprovement(@TempDir Path out) throws IOException {
        ProgramRun run = train(out, "--validation", "400", "--patience", "1", "--epochs", "60", "--batch-size", "16",
                "--schedule", "constant");
        assertEquals(0, run.exitCode(), run.toString());
        JsonObject m = metrics(out);
        assertEquals("stopped_early", m.get("status").getAsString());
        int best = m.get("best_epoch").getAsInt();
        JsonArray epochs = m.getAsJsonArray("epochs");
        assertEquals(best + 1, epochs.size(), "one epoch of patience after the best");
        double bestLoss = epochs.get(best - 1).getAsJsonObject().get("validation_loss").getAsDouble();
        assertTrue(epochs.get(best).getAsJsonObject().get("validation_loss").getAsDouble() >= bestLoss);
        assertTrue(run.out().contains("stopped early after epoch " + (best + 1) + ": validation loss has not improved for 1 epochs"),
                run.out());
    }

    @Test
    void dropoutTrainsReproduciblyAndEvaluateRebuildsIt(@TempDir Path a, @TempDir Path b) throws IOException {
        ProgramRun first = train(a, "--dropout", "0.5", "--input-dropout", "0.2", "--epochs", "2");
        assertEquals(0, first.exitCode(), first.toString());
        assertTrue(first.out().contains("Sequential(Dropout(p=0.2), Linear(784 → 32), ReLU, Dropout(p=0.5), Linear(32 → 10))"),
                first.out());
        assertEquals(0, train(b, "--dropout", "0.5", "--input-dropout", "0.2", "--epochs", "2").exitCode());
        assertEquals(metrics(a).get("step_loss"), metrics(b).get("step_loss"), "same seed, same masks");
        ProgramRun plain = train(b, "--epochs", "2", "--overwrite");
        assertFalse(metrics(a).get("step_loss").equals(metrics(b).get("step_loss")), "the masks change training");
        assertEquals(metrics(a).getAsJsonArray("epochs").get(1).getAsJsonObject().get("test_accuracy").getAsDouble(),
                savedModelTestAccuracy(a, 0.2, 0.5), 0.0, "evaluation mode switches the masks off");

        ProgramRun eval = ProgramRun.of("evaluate", "--model", a.resolve("model.bin").toString(), "--data", ProgramRun.SUBSET.toString());
        assertEquals(0, eval.exitCode(), eval.toString());
        assertEquals(0, plain.exitCode());
    }
}
