package org.mnistmlp.train.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mnistmlp.plots.ChartFiles;
import org.mnistmlp.plots.Charts;
import org.mnistmlp.plots.LiveView;
import org.mnistmlp.plots.RunHistory;
import org.mnistmlp.train.Interrupts;
import org.mnistmlp.train.SavedRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Overlays earlier runs from the metrics they kept, each named by what differs between them. */
@Command(name = "plot", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Overlays earlier runs from the metrics.json in their folders: writes compare-loss.png and "
                + "compare-accuracy.png, whose legends name what differs between the runs, and with --show opens them "
                + "in a window.")
final class PlotCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "RUN_DIR", description = "folders of earlier runs, each holding a metrics.json")
    List<Path> runs;

    @Mixin OutputOptions output;

    @Option(names = "--show", description = "open a window with the charts")
    boolean show;

    @Spec CommandSpec spec;
    @ParentCommand TrainCommand parent;

    @Override
    public Integer call() {
        List<SavedRun> saved = new ArrayList<>();
        for (Path dir : runs) {
            try {
                saved.add(SavedRun.read(dir));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage(), e);
            }
        }
        List<String> labels = RunDifferences.labels(saved.stream().map(SavedRun::config).toList(), runs);
        List<RunHistory> histories = new ArrayList<>();
        for (int i = 0; i < saved.size(); i++) {
            histories.add(saved.get(i).history(labels.get(i)));
        }
        return output.run(dir -> plot(dir, histories, labels));
    }

    private int plot(Path dir, List<RunHistory> histories, List<String> labels) {
        PrintStream stdout = parent.stdout();
        ChartFiles.writePng(Charts.lossComparison(histories), dir.resolve(CompareCommand.LOSS_CHART));
        ChartFiles.writePng(Charts.accuracyComparison(histories), dir.resolve(CompareCommand.ACCURACY_CHART));
        labels.forEach(label -> stdout.println("run  " + label));
        stdout.printf("kept in %s: %s, %s%n", dir, CompareCommand.LOSS_CHART, CompareCommand.ACCURACY_CHART);
        if (show) {
            try (LiveView view = LiveView.openComparison(histories)) {
                if (!view.isAvailable()) {
                    stdout.println("no display available: --show ignored");
                }
                Interrupts.install();
                TrainCommand.keepOpenUntilClosed(view, stdout);
            }
        }
        return 0;
    }
}
