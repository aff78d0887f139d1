package org.mnistmlp.train.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.mnistmlp.datasets.MnistData;
import org.mnistmlp.plots.LiveView;
import org.mnistmlp.train.Checkpoint;
import org.mnistmlp.train.EpochResult;
import org.mnistmlp.train.Interrupts;
import org.mnistmlp.train.Outcome;
import org.mnistmlp.train.RunFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The main job: train one model, show progress, keep metrics, plots and the model. */
@Command(name = "java -jar train.jar", mixinStandardHelpOptions = true, versionProvider = StandardOptions.Version.class, sortOptions = false,
        description = "Trains a multi-layer perceptron on MNIST and keeps metrics.json, loss.png, accuracy.png, model.bin and "
                + "checkpoint.bin (for --resume) in --out.",
        subcommands = {CompareCommand.class, PlotCommand.class, EvaluateCommand.class, PredictCommand.class, ExportCommand.class, GradCheckCommand.class, BenchCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:an error (told in one line)", "2:bad options", "3:the loss diverged", "130:interrupted (Ctrl-C)"})
final class TrainCommand implements Callable<Integer> {
    @Mixin ModelOptions model;
    @Mixin ModelOptions.ActivationOption activation;
    @Mixin TrainingOptions training;
    @Mixin DataOptions data;

    @Mixin OutputOptions output;

    @Option(names = "--init-from", paramLabel = "FILE",
            description = "start from the weights of a safetensors file in PyTorch's nn.Sequential layout (as export writes it)")
    Path initFrom;

    @Option(names = "--show", description = "open a window with live loss and accuracy charts")
    boolean show;

    @Option(names = "--resume", paramLabel = "RUN_DIR",
            description = "continue the run in this folder after its last completed epoch, with its recorded settings "
                    + "(only --epochs, --threads, --data, --mirror and --show may be given)")
    Path resume;

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
        if (resume != null) {
            Resumption resumption = Resumption.prepare(spec, resume, stdout);
            return resumption.command().train(resumption);
        }
        Validation.check(spec, model, training);
        return train(null);
    }

    /** Trains as the options say, continuing {@code resumption}'s run if it is not null. */
    private int train(Resumption resumption) {
        return output.run(dir -> train(dir, resumption));
    }

    private int train(Path dir, Resumption resumption) {
        MnistData mnist = Startup.kernelsAndData(training, model.hidden, activation.activation, data);
        training.validate(new Validation(spec), mnist.train());
        Experiment run = new Experiment(activation.activation.id(), model, activation.activation, training, mnist);
        if (initFrom != null) {
            run.initFrom(initFrom);
        }
        if (resumption != null) {
            resumption.restore(run);
        }
        run.keepCheckpoints(resumption != null ? resumption.options() : Resumption.recordedOptions(spec.commandLine().getParseResult()));
        run.printHeader(stdout, dir);
        if (resumption != null) {
            stdout.printf("resuming after epoch %d%n", resumption.completedEpochs());
        }
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
            int code = ErrorReport.exitCode(stdout, () -> run.run(stdout, dir, view), () -> printSummary(run, dir));
            training.set(false);
            if (Interrupts.requested() && Files.exists(dir.resolve(Checkpoint.FILE))) {
                stdout.println("resume with: java -jar train.jar --resume " + quoted(dir));
            }
            keepOpenUntilClosed(view, stdout);
            return code;
        }
    }

    /** The path as a shell would need it typed. */
    private static String quoted(Path path) {
        String text = path.toString();
        return text.matches("[\\w./:@%+=,-]+") ? text : "'" + text.replace("'", "'\\''") + "'";
    }

    /** Leaves the chart window, if still open, up after training until the user closes it (or presses Ctrl-C). */
    static void keepOpenUntilClosed(LiveView view, PrintStream stdout) {
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
        run.recorder().outcome().filter(o -> o.status() == Outcome.Status.STOPPED_EARLY).ifPresent(o -> stdout.println(o.message()));
        if (last.hasValidation()) {
            EpochResult kept = run.recorder().kept().orElseThrow();
            stdout.printf("%ndone: test accuracy %.2f%% at epoch %d, the best of %d by %s (validation accuracy %.2f%%), "
                    + "%.1f s of training%n", kept.testAccuracy() * 100, kept.epoch(), epochs.size(),
                    run.selectionDescription(), kept.validationAccuracy() * 100, trainSeconds);
        } else {
            EpochResult best = epochs.stream().max((a, b) -> Double.compare(a.testAccuracy(), b.testAccuracy())).orElseThrow();
            stdout.printf("%ndone: test accuracy %.2f%% after %s (best %.2f%% at epoch %d), %.1f s of training%n",
                    last.testAccuracy() * 100, Terminal.count(last.epoch(), "epoch"), best.testAccuracy() * 100, best.epoch(),
                    trainSeconds);
        }
        stdout.printf("kept in %s: %s, %s, %s, %s, %s%n", dir, RunFiles.MODEL, RunFiles.METRICS, RunFiles.LOSS_CHART,
                RunFiles.ACCURACY_CHART, Checkpoint.FILE);
    }
}
