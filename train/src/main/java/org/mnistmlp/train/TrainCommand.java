package org.mnistmlp.train;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
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

    @Mixin OutputOptions output;

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
        return output.run(this::train);
    }

    private int train(Path dir) {
        MnistData mnist = Startup.kernelsAndData(training.threads, data);
        Experiment run = new Experiment(activation.activation.id(), model, activation.activation, training, mnist);
        run.printHeader(stdout, dir);
        Interrupts.install();
        try (LiveView view = show ? LiveView.open(run.recorder().history()) : LiveView.none()) {
            if (show && !view.isAvailable()) {
                stdout.println("no display available: --show ignored, plots are written to " + dir);
            }
            AtomicBoolean training = new AtomicBoolean(true);
            view.onClosedByUser(() -> {
                if (training.get()) {
                    stdout.println((Terminal.isInteractive() ? "\r\033[K" : "")
                            + "window closed: training continues; charts are written to " + dir + " when it ends");
                }
            });
            int code = Outcomes.exitCode(stdout, () -> run.run(stdout, dir, view), () -> printSummary(run, dir));
            training.set(false);
            keepOpenUntilClosed(view);
            return code;
        }
    }

    /** Leaves the chart window, if still open, up after training until the user closes it (or presses Ctrl-C). */
    private void keepOpenUntilClosed(LiveView view) {
        try {
            if (!view.isAvailable() || Interrupts.requested() || view.awaitClosed(0)) {
                return;
            }
            view.refresh();
            stdout.println("close the chart window (or press Ctrl-C) to exit");
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
        stdout.printf("%ndone: test accuracy %.2f%% after %s (best %.2f%% at epoch %d), %.1f s of training%n",
                last.testAccuracy() * 100, Format.count(last.epoch(), "epoch"), best.testAccuracy() * 100, best.epoch(), trainSeconds);
        stdout.printf("kept in %s: %s, %s, %s, %s%n", dir, RunFiles.MODEL, RunFiles.METRICS, RunFiles.LOSS_CHART, RunFiles.ACCURACY_CHART);
    }
}
