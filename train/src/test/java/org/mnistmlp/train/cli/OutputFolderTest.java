package org.mnistmlp.train.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs never share or silently overwrite a folder. */
class OutputFolderTest {

    @Test
    void aTakenNameGetsASuffix(@TempDir Path runs) {
        assertEquals(runs.resolve("20261124-161724"), OutputOptions.createUnique(runs, "20261124-161724"));
        assertEquals(runs.resolve("20261124-161724-2"), OutputOptions.createUnique(runs, "20261124-161724"));
        assertEquals(runs.resolve("20261124-161724-3"), OutputOptions.createUnique(runs, "20261124-161724"));
    }

    @Test
    void runsStartedAtOnceGetAFolderEach(@TempDir Path runs) {
        int count = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Path>> created = IntStream.range(0, count).mapToObj(i -> CompletableFuture.supplyAsync(() -> {
            try {
                start.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return OutputOptions.createUnique(runs, "same-second");
        }, runnable -> new Thread(runnable).start())).toList();
        start.countDown();
        Set<Path> distinct = created.stream().map(CompletableFuture::join).collect(Collectors.toSet());
        assertEquals(count, distinct.size(), distinct.toString());
    }

    @Test
    void aFolderWithFilesIsRefusedWithoutOverwrite(@TempDir Path out) throws IOException {
        Path earlier = Files.writeString(out.resolve("metrics.json"), "{\"earlier\": true}");
        ProgramRun refused = FaultsTest.assertUsageError("--out " + out + " already holds files; choose another folder or add --overwrite",
                "--data", ProgramRun.SUBSET.toString(), "--out", out.toString(), "--hidden", "16", "--epochs", "1");
        assertTrue(refused.out().isEmpty(), refused.out());
        assertEquals("{\"earlier\": true}", Files.readString(earlier));

        ProgramRun overwritten = ProgramRun.of("--data", ProgramRun.SUBSET.toString(), "--out", out.toString(), "--hidden", "16",
                "--epochs", "1", "--overwrite");
        assertEquals(0, overwritten.exitCode(), overwritten.toString());
        assertTrue(Files.readString(earlier).contains("\"status\": \"completed\""));
    }

    @Test
    void anEmptyExistingFolderIsUsedAndKeptOnFailure(@TempDir Path out) {
        ProgramRun run = ProgramRun.of("--data", out.resolve("nowhere").toString(), "--out", out.toString());
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(Files.isDirectory(out), "a folder the user made stays");
    }
}
