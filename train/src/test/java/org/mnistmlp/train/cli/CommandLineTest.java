package org.mnistmlp.train.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Options before subcommands, help and version everywhere, and words a user reads. */
class CommandLineTest {

    private static JsonObject config(Path dir) throws IOException {
        return JsonParser.parseString(Files.readString(dir.resolve("metrics.json"))).getAsJsonObject().getAsJsonObject("config");
    }

    @Test
    void optionsBeforeASubcommandApplyToIt(@TempDir Path out) throws IOException {
        ProgramRun run = ProgramRun.of("--epochs", "1", "--hidden", "16", "--data", ProgramRun.SUBSET.toString(),
                "compare", "--activation", "relu,tanh", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.toString());
        JsonObject config = config(out.resolve("activation-relu"));
        assertEquals(1, config.get("epochs").getAsInt());
        assertEquals(List.of(16), List.of(config.getAsJsonArray("hidden").get(0).getAsInt()));
        assertEquals(1, config.getAsJsonArray("hidden").size());
    }

    @Test
    void optionsBeforeASubcommandThatLacksThemAreRefused() {
        ProgramRun run = FaultsTest.assertUsageError("--show does not apply to gradcheck", "--show", "gradcheck");
        assertTrue(run.err().contains("gradcheck --help"), run.err());
        FaultsTest.assertUsageError("--epochs does not apply to evaluate", "--epochs", "2", "evaluate", "--model", "m.bin");
    }

    @Test
    void aSubcommandNameAsAnOptionValueIsNotTheSubcommand() {
        FaultsTest.assertUsageError("--out", "--out");
        FaultsTest.assertUsageError("--dataset", "--dataset", "compare");
    }

    @Test
    void helpIsASubcommand() {
        ProgramRun run = ProgramRun.of("help", "compare");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("--sort"), run.out());
        ProgramRun top = ProgramRun.of("help");
        assertEquals(0, top.exitCode(), top.toString());
        assertTrue(top.out().contains("--epochs") && top.out().contains("compare"), top.out());
    }

    @Test
    void everySubcommandHasHelpAndVersion() {
        for (String command : List.of("compare", "evaluate", "gradcheck", "bench")) {
            for (String flag : List.of("-V", "--version")) {
                ProgramRun run = ProgramRun.of(command, flag);
                assertEquals(0, run.exitCode(), command + " " + flag + ": " + run);
                assertTrue(run.out().startsWith("mnist-mlp"), command + " " + flag + ": " + run.out());
            }
            ProgramRun help = ProgramRun.of(command, "--help");
            assertEquals(0, help.exitCode(), help.toString());
            assertTrue(help.out().contains("--version"), command + ": " + help.out());
        }
    }

    @Test
    void compareHelpShowsTheTrainingOptionsWithoutPicocliWarnings() {
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
        ProgramRun help;
        try {
            help = ProgramRun.of("compare", "--help");
        } finally {
            System.setErr(stderr);
        }
        assertEquals(0, help.exitCode(), help.toString());
        assertTrue(help.out().contains("30% of the run for one-cycle"), help.out());
        assertEquals("", warnings.toString(StandardCharsets.UTF_8));
    }

    @Test
    void countsAreInTheRightNumber(@TempDir Path out) {
        ProgramRun run = ProgramRun.of("--data", ProgramRun.SUBSET.toString(), "--out", out.toString(), "--hidden", "16",
                "--epochs", "1");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("training 1 epoch, batch 64"), run.out());
        assertTrue(run.out().contains("after 1 epoch (best"), run.out());
        assertFalse(run.out().contains("1 epochs"), run.out());
    }

    @Test
    void formatCounts() {
        assertEquals("1 epoch", Terminal.count(1, "epoch"));
        assertEquals("0 epochs", Terminal.count(0, "epoch"));
        assertEquals("1,000 epochs", Terminal.count(1000, "epoch"));
    }
}
