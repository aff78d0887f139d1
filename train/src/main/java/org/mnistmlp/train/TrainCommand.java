package org.mnistmlp.train;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.mnistmlp.datasets.MnistData;
import org.mnistmlp.plots.LiveView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The main job: train one model, show progress, keep metrics, plots and the model. */
@Command(name = "java -jar train.jar", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false,
        description = "Trains a multi-layer perceptron on MNIST and keeps metrics.json, loss.png, accuracy.png and model.bin in --out.",
        subcommands = {CompareCommand.class, EvaluateCommand.class, GradCheckCommand.class, BenchCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:an error (told in one line)", "2:bad options", "3:the loss diverged", "130:interrupted (Ctrl-C)"})
final class TrainCommand implements Callable<Integer> {
    @Mixin ModelOptions model;
    @Mixin ModelOptions.ActivationOption activation;
    @Mixin TrainingOptions training;
    @Mixin DataOptions data;

    @Option(names = "--out", paramLabel = "DIR", description = "where to keep the results (default: a new folder under runs/)")
    Path out;

    @Option(names = "--show", description = "open a window with live loss and accuracy charts")
    boolean show;

    @Spec CommandSpec spec;

    private final PrintStream stdout;

    TrainCommand(PrintStream stdout) {
        this.stdout = stdout;
    }

    /** Where the program's normal output goes (subcommands print there too). */
    PrintStream stdout() {
        return stdout;
    }

    @Override
    public Integer call() {
        Validation.check(spec, model, training);
        Path dir = OutputDir.prepare(out);
        MnistData mnist = Startup.kernelsAndData(training, model.hidden, activation.activation, data);
        Experiment run = new Experiment(activation.activation.id(), model, activation.activation, training, mnist);
        run.printHeader(stdout, dir);
        Interrupts.install();
        try (LiveView view = show ? LiveView.open(run.recorder().history()) : LiveView.none()) {
            if (show && !view.isAvailable()) {
                stdout.println("no display available: --show ignored, plots are written to " + dir);
            }
            int code = Outcomes.exitCode(stdout, () -> run.run(stdout, dir, view), () -> printSummary(run, dir));
            keepOpenUntilClosed(view);
            return code;
        }
    }

    /** Leaves the chart window up after training until the user closes it (or presses Ctrl-C). */
    private void keepOpenUntilClosed(LiveView view) {
        if (!view.isAvailable() || Interrupts.requested()) {
            return;
        }
        view.refresh();
        stdout.println("close the chart window (or press Ctrl-C) to exit");
        try {
            boolean closed = false;
            while (!closed && !Interrupts.requested()) {
                closed = view.awaitClosed(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void printSummary(Experiment run, Path dir) {
        List<EpochResult> epochs = run.recorder().epochs();
        EpochResult last = epochs.get(epochs.size() - 1);
        double trainSeconds = epochs.stream().mapToDouble(EpochResult::trainSeconds).sum();
        EpochResult best = epochs.stream().max((a, b) -> Double.compare(a.testAccuracy(), b.testAccuracy())).orElseThrow();
        stdout.printf("%ndone: test accuracy %.2f%% after %d epochs (best %.2f%% at epoch %d), %.1f s of training%n",
                last.testAccuracy() * 100, last.epoch(), best.testAccuracy() * 100, best.epoch(), trainSeconds);
        stdout.printf("kept in %s: %s, %s, %s, %s%n", dir, RunFiles.MODEL, RunFiles.METRICS, RunFiles.LOSS_CHART, RunFiles.ACCURACY_CHART);
    }
}
