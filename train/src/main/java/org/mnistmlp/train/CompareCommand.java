package org.mnistmlp.train;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mnistmlp.autograd.Activation;
import org.mnistmlp.datasets.MnistData;
import org.mnistmlp.plots.ChartFiles;
import org.mnistmlp.plots.Charts;
import org.mnistmlp.plots.LiveView;
import org.mnistmlp.plots.RunHistory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Trains one model per activation on the same data and seed, then sets them side by side. */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Trains one model per activation with the same seed and data, prints a table and writes "
                + "compare-loss.png and compare-accuracy.png (each run's own files go in a subfolder).")
final class CompareCommand implements Callable<Integer> {
    static final String LOSS_CHART = "compare-loss.png";
    static final String ACCURACY_CHART = "compare-accuracy.png";

    @Option(names = "--activations", split = ",", defaultValue = "relu,silu,sigmoid,tanh", paramLabel = "NAME",
            description = "activations to compare (default: ${DEFAULT-VALUE})")
    List<Activation> activations;

    @Mixin ModelOptions model;
    @Mixin TrainingOptions training;
    @Mixin DataOptions data;

    @Option(names = "--out", paramLabel = "DIR", description = "where to keep the results (default: a new folder under runs/)")
    Path out;

    @Spec CommandSpec spec;
    @ParentCommand TrainCommand parent;

    @Override
    public Integer call() {
        Validation.check(spec, model, training);
        PrintStream stdout = parent.stdout();
        Path dir = OutputDir.prepare(out);
        MnistData mnist = Startup.kernelsAndData(training, model.hidden, activations.get(0), data);
        Interrupts.install();
        List<Experiment> done = new ArrayList<>();
        int code = 0;
        for (Activation activation : activations) {
            Experiment run = new Experiment(activation.id(), model, activation, training, mnist);
            Path runDir = OutputDir.prepare(dir.resolve(activation.id()));
            stdout.printf("%n== %s ==%n", activation.id());
            run.printHeader(stdout, runDir);
            code = Outcomes.exitCode(stdout, () -> run.run(stdout, runDir, LiveView.none()), () -> { });
            done.add(run);
            if (code == Outcomes.INTERRUPTED) {
                break;
            }
        }
        writeCharts(dir, done);
        printTable(stdout, done);
        stdout.printf("%ncharts: %s, %s in %s%n", LOSS_CHART, ACCURACY_CHART, dir);
        return code;
    }

    private static void writeCharts(Path dir, List<Experiment> runs) {
        List<RunHistory> histories = runs.stream().map(r -> r.recorder().history()).toList();
        ChartFiles.writePng(Charts.lossComparison(histories), dir.resolve(LOSS_CHART));
        ChartFiles.writePng(Charts.accuracyComparison(histories), dir.resolve(ACCURACY_CHART));
    }

    private static void printTable(PrintStream out, List<Experiment> runs) {
        out.printf("%n%-10s %10s %10s %11s %9s %7s%n", "activation", "test acc", "test loss", "train loss", "train s", "epochs");
        for (Experiment run : runs) {
            List<EpochResult> epochs = run.recorder().epochs();
            if (epochs.isEmpty()) {
                out.printf("%-10s %10s%n", run.name(), "(no epoch completed)");
                continue;
            }
            EpochResult last = epochs.get(epochs.size() - 1);
            double seconds = epochs.stream().mapToDouble(EpochResult::trainSeconds).sum();
            out.printf("%-10s %9.2f%% %10.4f %11.4f %9.1f %7d%n", run.name(), last.testAccuracy() * 100, last.testLoss(),
                    last.trainLoss(), seconds, epochs.size());
        }
    }
}
