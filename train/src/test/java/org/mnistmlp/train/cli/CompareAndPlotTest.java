package org.mnistmlp.train.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistmlp.train.Interrupts;
import org.mnistmlp.train.SavedRun;

/** {@code compare} over a grid and {@code plot} over saved runs, end to end on the committed subset. */
class CompareAndPlotTest {

    @AfterEach
    void clearInterrupt() {
        Interrupts.reset();
    }

    private static ProgramRun compare(Path out, String... grid) {
        List<String> args = new ArrayList<>(List.of("compare", "--data", ProgramRun.SUBSET.toString(), "--out", out.toString()));
        args.addAll(List.of(grid));
        return ProgramRun.of(args.toArray(String[]::new));
    }

    private static JsonObject metrics(Path dir) throws IOException {
        return JsonParser.parseString(Files.readString(dir.resolve("metrics.json"))).getAsJsonObject();
    }

    @Test
    void aGridOfTwoOptionsRunsEveryCombinationAndSortsTheTable(@TempDir Path out) throws IOException {
        ProgramRun run = compare(out, "--activation", "relu,tanh", "--hidden", "16", "--hidden", "24,16", "--sort", "test-loss",
                "--epochs", "1");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("grid     4 runs: activation relu | tanh; hidden 16 | 24,16"), run.out());
        assertTrue(run.out().contains("warm-up"), run.out());
        for (String folder : List.of("activation-relu_hidden-16", "activation-relu_hidden-24-16", "activation-tanh_hidden-16",
                "activation-tanh_hidden-24-16")) {
            assertEquals("completed", metrics(out.resolve(folder)).get("status").getAsString(), folder);
        }
        assertEquals("tanh", metrics(out.resolve("activation-tanh_hidden-24-16")).getAsJsonObject("config").get("activation").getAsString());
        assertEquals(2, metrics(out.resolve("activation-tanh_hidden-24-16")).getAsJsonObject("config").getAsJsonArray("hidden").size());

        List<String> csv = Files.readAllLines(out.resolve("compare.csv"));
        assertEquals("activation,hidden,test acc %,test loss,train loss,train s,epochs,status,run", csv.get(0));
        assertEquals(5, csv.size());
        double previous = 0;
        for (String line : csv.subList(1, 5)) {
            String[] cells = line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
            double loss = Double.parseDouble(cells[3]);
            assertTrue(loss >= previous, "sorted by test loss, lowest first: " + csv);
            previous = loss;
        }
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("tanh,\"24,16\",")), "a list value is quoted: " + csv);
        String md = Files.readString(out.resolve("compare.md"));
        assertTrue(md.contains("| activation | hidden | test acc % |") && md.contains("[activation-relu_hidden-16](activation-relu_hidden-16/)"), md);
        assertTrue(run.out().lines().anyMatch(l -> l.matches("tanh\\s+24,16\\s+\\d+\\.\\d\\d\\s+.*completed")), run.out());
        assertTrue(Files.size(out.resolve("compare-loss.png")) > 0 && Files.size(out.resolve("compare-accuracy.png")) > 0);
    }

    @Test
    void everyRunHasTheSameSeedAndDataOrder(@TempDir Path out) throws IOException {
        ProgramRun run = compare(out, "--epochs", "1,2", "--hidden", "16", "--schedule", "constant");
        assertEquals(0, run.exitCode(), run.toString());
        JsonArray one = metrics(out.resolve("epochs-1")).getAsJsonArray("step_loss");
        JsonArray two = metrics(out.resolve("epochs-2")).getAsJsonArray("step_loss");
        assertEquals(2 * one.size(), two.size());
        for (int i = 0; i < one.size(); i++) {
            assertEquals(one.get(i).getAsDouble(), two.get(i).getAsDouble(), 0.0, "step " + i + " of the shared first epoch");
        }
    }

    @Test
    void ctrlCKeepsFinishedRunsAndWritesTheTableSoFar(@TempDir Path out) throws Exception {
        ProgramRun run = ProgramRun.interruptedOnceExists(out.resolve("lr-0.1_epochs-1000").resolve("metrics.json"), "compare",
                "--data", ProgramRun.SUBSET.toString(), "--out", out.toString(), "--lr", "0.1,0.05", "--hidden", "16",
                "--epochs", "1,1000");
        assertEquals(Interrupts.CTRL_C_EXIT, run.exitCode(), run.toString());
        List<String> csv = Files.readAllLines(out.resolve("compare.csv"));
        assertEquals(3, csv.size(), "the finished run and the interrupted one: " + csv);
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("0.1,1,") && l.contains(",completed,")), csv.toString());
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("0.1,1000,") && l.contains(",interrupted,")), csv.toString());
        assertTrue(run.out().contains("2 of 4 runs, sorted by test-accuracy"), run.out());
    }

    @Test
    void plotOverlaysSavedRunsNamedByWhatDiffers(@TempDir Path out) throws IOException {
        assertEquals(0, compare(out, "--lr", "0.1,0.05", "--hidden", "16", "--epochs", "1").exitCode());
        Path charts = out.resolve("charts");
        ProgramRun plot = ProgramRun.of("plot", out.resolve("lr-0.1").toString(), out.resolve("lr-0.05").toString(),
                "--out", charts.toString());
        assertEquals(0, plot.exitCode(), plot.toString());
        assertEquals(List.of("run  lr=0.1", "run  lr=0.05"), plot.out().lines().filter(l -> l.startsWith("run  ")).toList());
        assertTrue(Files.size(charts.resolve("compare-loss.png")) > 0 && Files.size(charts.resolve("compare-accuracy.png")) > 0);

        SavedRun saved = SavedRun.read(out.resolve("lr-0.1"));
        JsonObject m = metrics(out.resolve("lr-0.1"));
        assertEquals(m.getAsJsonArray("step_loss").size(), saved.history("x").steps().size());
        assertEquals(1.0 - 0.5 / 32, saved.history("x").steps().get(31).epochPosition(), 1e-12, "32 steps an epoch");
        assertEquals(m.getAsJsonArray("epochs").get(0).getAsJsonObject().get("test_accuracy").getAsDouble(),
                saved.history("x").epochs().get(0).testAccuracy(), 0.0);
    }
}
