package org.mnistmlp.train.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistmlp.train.Interrupts;

/** Bad options and bad situations: one clear line, the right exit code, and nothing earned lost. */
class FaultsTest {

    @AfterEach
    void clearInterrupt() {
        Interrupts.reset();
    }

    /** One line naming the problem, one pointing to --help: not the whole help, no Java names. */
    static ProgramRun assertUsageError(String fragment, String... args) {
        ProgramRun run = ProgramRun.of(args);
        assertEquals(2, run.exitCode(), run.toString());
        List<String> lines = run.err().lines().toList();
        assertEquals(2, lines.size(), run.err());
        assertTrue(lines.get(0).contains(fragment), "first line '" + lines.get(0) + "' should mention " + fragment);
        assertTrue(lines.get(1).matches("see 'java -jar train.jar( \\w+)? --help' for the options"), lines.get(1));
        assertFalse(run.err().matches("(?s).*(java\\.|Exception|\\tat ).*"), "no Java names: " + run.err());
        return run;
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertUsageError("--epochs", "--epochs", "-1");
        assertUsageError("--activation", "--activation", "gelu");
        assertUsageError("--hidden", "--hidden", "12,x");
        assertUsageError("--hidden", "--hidden", "12,0");
        assertUsageError("--lr", "--lr", "-0.1");
        assertUsageError("--momentum", "--momentum", "1.5");
        assertUsageError("--dataset", "--dataset", "cifar");
        assertUsageError("--bogus", "--bogus");
        assertUsageError("--dropout", "--dropout", "1");
        assertUsageError("--dropout", "--dropout", "-0.1");
        assertUsageError("--input-dropout", "--input-dropout", "1.5");
        assertUsageError("--patience", "--patience", "3");
        assertUsageError("--validation", "--validation", "-1");
        assertUsageError("--monitor", "--monitor", "speed");
        assertUsageError("--shift must be from 0 to 4 pixels, got 5", "--shift", "5");
    }

    @Test
    void aValidationSplitAsLargeAsTheTrainingSetIsAUsageError() {
        assertUsageError("--validation 2000 must be smaller than the 2000 training images",
                "--data", ProgramRun.SUBSET.toString(), "--validation", "2000");
        assertUsageError("--validation 5000", "--data", ProgramRun.SUBSET.toString(), "--validation", "5000");
    }

    @Test
    void anEmptyOrBadGridIsAUsageError() {
        String data = ProgramRun.SUBSET.toString();
        assertUsageError("compare: the grid is empty", "compare", "--data", data);
        assertUsageError("compare: the grid is empty", "compare", "--data", data, "--lr", "0.1", "--hidden", "512,256");
        assertUsageError("--lr has an empty value", "compare", "--data", data, "--lr", ",");
        assertUsageError("--lr gives 0.1 twice", "compare", "--data", data, "--lr", "0.1,0.1");
        assertUsageError("--lr", "compare", "--data", data, "--lr", "0.1,fast");
        assertUsageError("--dropout must be in [0, 1), got 1.0", "compare", "--data", data, "--dropout", "0.5,1");
        assertUsageError("--threads cannot vary", "compare", "--data", data, "--threads", "1,2");
        assertUsageError("--sort", "compare", "--data", data, "--lr", "0.1,0.05", "--sort", "speed");
        assertUsageError("--validation 2000 must be smaller", "compare", "--data", data, "--lr", "0.1,0.05", "--validation", "2000");
    }

    @Test
    void plottingAFolderWithoutARunIsAUsageError(@TempDir Path tmp) throws IOException {
        assertUsageError(tmp + " holds no run: there is no metrics.json in it", "plot", tmp.toString());
        Files.writeString(tmp.resolve("metrics.json"), "{\"not\": \"a run\"}");
        assertUsageError("is not the metrics of a run", "plot", tmp.toString());
        assertUsageError("RUN_DIR", "plot");
    }

    @Test
    void badOptimizerAndScheduleOptionsAreUsageErrors() {
        assertUsageError("--optimizer: unknown optimizer 'adagrad'; expected one of: sgd, adam, adamw, rmsprop",
                "--optimizer", "adagrad");
        assertUsageError("unknown schedule 'linear'; expected one of: constant, step, cosine, warmup-cosine, one-cycle",
                "--schedule", "linear");
        assertUsageError("--momentum applies to sgd and rmsprop, not adamw", "--optimizer", "adamw", "--momentum", "0.9");
        assertUsageError("--betas applies to adam and adamw, not sgd", "--betas", "0.9,0.99");
        assertUsageError("--betas takes two numbers", "--optimizer", "adam", "--betas", "0.9");
        assertUsageError("--betas must each be in [0, 1)", "--optimizer", "adam", "--betas", "0.9,1");
        assertUsageError("--warmup-epochs must be above 0 and below --epochs (2)", "--schedule", "warmup-cosine",
                "--epochs", "2", "--warmup-epochs", "2");
        assertUsageError("--warmup-epochs applies to warmup-cosine and one-cycle, not cosine", "--warmup-epochs", "1");
        assertUsageError("--gamma must be in (0, 1]", "--schedule", "step", "--gamma", "0");
        assertUsageError("--clip-norm", "--clip-norm", "-1");
        assertUsageError("did you mean --epochs?", "--epoch", "3");
    }

    @Test
    void enumErrorsListTheLowerCaseChoices() {
        ProgramRun dataset = assertUsageError("--dataset", "--dataset", "emnist");
        assertTrue(dataset.err().startsWith("--dataset: 'emnist' is not one of mnist, fashion-mnist\n"), dataset.err());
        ProgramRun activation = assertUsageError("--activation", "--activation", "gelu");
        assertTrue(activation.err().startsWith("--activation: 'gelu' is not one of relu, sigmoid, tanh, silu\n"), activation.err());
        assertUsageError("--activation: 'gelu' is not one of relu", "compare", "--data", ProgramRun.SUBSET.toString(),
                "--activation", "relu,gelu");
    }

    @Test
    void aBatchLargerThanTheTrainingSetIsRefused(@TempDir Path tmp) {
        assertUsageError("--batch-size 2001 is larger than the training set (2,000 images)",
                "--data", ProgramRun.SUBSET.toString(), "--out", tmp.resolve("o").toString(), "--batch-size", "2001");
        assertFalse(Files.exists(tmp.resolve("o")), "no folder left behind");
    }

    @Test
    void helpAndVersion() {
        ProgramRun help = ProgramRun.of("--help");
        assertEquals(0, help.exitCode());
        for (String option : new String[] {"--epochs", "--batch-size", "--lr", "--momentum", "--weight-decay", "--hidden",
            "--activation", "--seed", "--dataset", "--data", "--mirror", "--out", "--threads", "--show", "--version",
            "--optimizer", "sgd, adam, adamw or rmsprop", "warmup-cosine or one-cycle", "--warmup-epochs", "--clip-norm",
            "--betas", "--resume", "--init-from", "--dropout", "--input-dropout", "--validation", "--patience", "--monitor",
            "compare", "plot", "evaluate", "export", "gradcheck", "bench", "default: 5"}) {
            assertTrue(help.out().contains(option), "help mentions " + option);
        }
        ProgramRun version = ProgramRun.of("--version");
        assertEquals(0, version.exitCode());
        assertTrue(version.out().startsWith("mnist-mlp"), version.out());
    }

    @Test
    void divergingLossStopsWithAHint(@TempDir Path out) throws IOException {
        ProgramRun run = ProgramRun.of("--data", ProgramRun.SUBSET.toString(), "--out", out.toString(), "--hidden", "32",
                "--lr", "1e6", "--momentum", "0", "--schedule", "constant");
        assertEquals(ErrorReport.DIVERGED, run.exitCode(), run.toString());
        String line = run.out().lines().filter(l -> l.startsWith("loss became")).findFirst().orElseThrow(() -> new AssertionError(run));
        assertTrue(line.matches("loss became (NaN|-?Infinity) at epoch 1 step \\d+; try a smaller learning rate.*"), line);
        JsonObject m = JsonParser.parseString(Files.readString(out.resolve("metrics.json"))).getAsJsonObject();
        assertEquals("diverged", m.get("status").getAsString());
    }

    @Test
    void unwritableOutputIsReportedBeforeTraining(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        ProgramRun run = ProgramRun.of("--data", ProgramRun.SUBSET.toString(), "--out", file.resolve("run").toString());
        assertEquals(1, run.exitCode(), run.toString());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("error: cannot write to output folder"), run.err());
        assertFalse(run.out().contains("epoch"), run.out());
    }

    @Test
    void missingDataFolderIsOneLineAndLeavesNoFolder(@TempDir Path tmp) {
        ProgramRun run = ProgramRun.of("--data", tmp.resolve("nowhere").toString(), "--out", tmp.resolve("o").toString());
        assertEquals(1, run.exitCode(), run.toString());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains("nowhere"), run.err());
        assertFalse(Files.exists(tmp.resolve("o")), "no folder left behind");
    }

    @Test
    void unreachableMirrorSaysHowToGetTheData(@TempDir Path tmp) {
        long start = System.nanoTime();
        ProgramRun run = ProgramRun.of("--mirror", "http://127.0.0.1:1/", "--out", tmp.toString());
        assertEquals(1, run.exitCode(), run.toString());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains("--data"), run.err());
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(30), "answers within seconds");
    }

    @Test
    void ctrlCKeepsCompletedEpochsAndExits130(@TempDir Path out) throws Exception {
        Path metrics = out.resolve("metrics.json");
        ProgramRun run = ProgramRun.interruptedOnceExists(metrics,
                "--data", ProgramRun.SUBSET.toString(), "--out", out.toString(), "--hidden", "16", "--epochs", "1000");
        assertEquals(Interrupts.CTRL_C_EXIT, run.exitCode(), run.toString());
        assertTrue(run.out().contains("interrupted by Ctrl-C during epoch"), run.out());
        JsonObject m = JsonParser.parseString(Files.readString(metrics)).getAsJsonObject();
        assertEquals("interrupted", m.get("status").getAsString());
        int kept = m.getAsJsonArray("epochs").size();
        assertTrue(kept >= 1 && kept < 1000, "completed epochs kept: " + kept);
        assertTrue(Files.size(out.resolve("model.bin")) > 0);
        assertTrue(Files.exists(out.resolve("loss.png")));
    }
}
