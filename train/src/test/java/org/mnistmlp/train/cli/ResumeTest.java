package org.mnistmlp.train.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistmlp.autograd.Tensor;
import org.mnistmlp.nn.Init;
import org.mnistmlp.nn.Mlp;
import org.mnistmlp.nn.ModelFile;
import org.mnistmlp.train.Checkpoint;
import org.mnistmlp.train.Interrupts;

/** {@code --resume} on the committed subset: the same numbers as an uninterrupted run, and clear refusals. */
class ResumeTest {

    @AfterEach
    void clearInterrupt() {
        Interrupts.reset();
    }

    /**
     * Adam (moments and step counts to carry over), clipping, and 32 shuffled, shifted batches an epoch
     * (the data order and the shifts to carry over); a repeated option and a flag, which the checkpoint
     * must record as given.
     */
    private static ProgramRun train(Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("--data", ProgramRun.SUBSET.toString(), "--out", out.toString(),
                "--hidden", "32", "--hidden", "16", "--seed", "3", "--optimizer", "adam", "--weight-decay", "0.001",
                "--no-bias-decay", "--clip-norm", "2", "--shift", "1"));
        args.addAll(List.of(more));
        return ProgramRun.of(args.toArray(String[]::new));
    }

    private static JsonObject metrics(Path dir) throws IOException {
        return JsonParser.parseString(Files.readString(dir.resolve("metrics.json"))).getAsJsonObject();
    }

    /** A step schedule halving the rate every epoch: its position must carry over. */
    private static ProgramRun trainHalvingEachEpoch(Path out, int epochs) {
        return train(out, "--schedule", "step", "--step-epochs", "1", "--gamma", "0.5", "--epochs", String.valueOf(epochs));
    }

    @Test
    void twoEpochsAndTwoMoreAreFourInARow(@TempDir Path straight, @TempDir Path split) throws IOException {
        assertEquals(0, trainHalvingEachEpoch(straight, 4).exitCode());
        assertEquals(0, trainHalvingEachEpoch(split, 2).exitCode());
        ProgramRun resumed = ProgramRun.of("--resume", split.toString(), "--epochs", "4");
        assertEquals(0, resumed.exitCode(), resumed.toString());
        assertTrue(resumed.out().contains("resuming after epoch 2"), resumed.out());
        assertEquals(2, resumed.out().lines().filter(l -> l.startsWith("epoch ")).count(), resumed.out());

        JsonObject a = metrics(straight);
        JsonObject b = metrics(split);
        assertEquals("completed", b.get("status").getAsString());
        assertEquals(a.get("step_loss"), b.get("step_loss"), "every step's loss, bit for bit");
        JsonArray epochsA = a.getAsJsonArray("epochs");
        JsonArray epochsB = b.getAsJsonArray("epochs");
        assertEquals(4, epochsB.size());
        for (int i = 0; i < 4; i++) {
            for (String key : List.of("epoch", "train_loss", "test_loss", "test_accuracy", "learning_rate")) {
                assertEquals(epochsA.get(i).getAsJsonObject().get(key), epochsB.get(i).getAsJsonObject().get(key), key + " of epoch " + (i + 1));
            }
        }
        Map<String, Tensor> paramsA = ModelFile.read(straight.resolve("model.bin")).model().namedParameters();
        Map<String, Tensor> paramsB = ModelFile.read(split.resolve("model.bin")).model().namedParameters();
        assertEquals(paramsA.keySet(), paramsB.keySet());
        paramsA.forEach((name, p) -> assertArrayEquals(p.toArray(), paramsB.get(name).toArray(), name + ", bit for bit"));
        a.getAsJsonObject("config").remove("data_source");   // the same folder, written relative, then absolute
        b.getAsJsonObject("config").remove("data_source");
        assertEquals(a.get("config"), b.get("config"));
    }

    @Test
    void anInterruptedRunSaysHowToResumeItAndResumes(@TempDir Path out) throws Exception {
        CompletableFuture<ProgramRun> running = CompletableFuture.supplyAsync(() -> train(out, "--epochs", "1000", "--schedule", "cosine"));
        Path checkpoint = out.resolve(Checkpoint.FILE);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(checkpoint) && !running.isDone() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        Interrupts.request();
        ProgramRun run = running.get(60, TimeUnit.SECONDS);
        Interrupts.reset();
        assertEquals(Interrupts.CTRL_C_EXIT, run.exitCode(), run.toString());
        assertTrue(run.out().contains("resume with: java -jar train.jar --resume " + out), run.out());

        Checkpoint saved = Checkpoint.read(out);
        assertEquals(1000, saved.plannedEpochs(), "resuming without --epochs finishes the planned run");
        int done = saved.completedEpochs();
        ProgramRun resumed = ProgramRun.of("--resume", out.toString(), "--epochs", String.valueOf(done + 1));
        assertEquals(0, resumed.exitCode(), resumed.toString());
        JsonObject m = metrics(out);
        assertEquals("completed", m.get("status").getAsString());
        assertEquals(done + 1, m.getAsJsonArray("epochs").size());
        assertEquals((done + 1) * 32, m.getAsJsonArray("step_loss").size(), "the partial epoch's steps are dropped");
    }

    private static void assertResumeRefused(String fragment, String... args) {
        ProgramRun run = ProgramRun.of(args);
        assertEquals(2, run.exitCode(), run.toString());
        String first = run.err().lines().findFirst().orElse("");
        assertTrue(first.contains(fragment), "first line '" + first + "' should say " + fragment);
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
    }

    @Test
    void foldersThatHoldNoResumableRunAreRefused(@TempDir Path tmp) throws IOException {
        assertResumeRefused("--resume: no run folder", "--resume", tmp.resolve("nowhere").toString());
        assertResumeRefused("holds no checkpoint.bin", "--resume", tmp.toString());
        Files.write(tmp.resolve(Checkpoint.FILE), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        assertResumeRefused("is not a checkpoint", "--resume", tmp.toString());
    }

    @Test
    void aResumedRunKeepsItsSettings(@TempDir Path out) throws IOException {
        assertEquals(0, trainHalvingEachEpoch(out, 1).exitCode());
        assertResumeRefused("--hidden cannot be given with --resume", "--resume", out.toString(), "--epochs", "2", "--hidden", "64");
        assertResumeRefused("has completed 1 epochs; give --epochs above that", "--resume", out.toString());

        ModelFile.save(Mlp.of(List.of(784, 32, 10), "relu", Init.DEFAULT, 1), out.resolve("model.bin"));
        assertResumeRefused("model.bin does not fit the run's recorded architecture", "--resume", out.toString(), "--epochs", "2");
    }

    @Test
    void aRunWithAValidationSplitIsNotResumedWithoutItsBestEpoch(@TempDir Path out) {
        assertEquals(0, train(out, "--epochs", "1", "--validation", "200").exitCode());
        assertResumeRefused("holds out a validation split, whose best epoch cannot be resumed", "--resume", out.toString(), "--epochs", "2");
    }
}
