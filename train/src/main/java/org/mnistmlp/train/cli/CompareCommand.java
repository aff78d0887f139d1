package org.mnistmlp.train.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.mnistmlp.datasets.MnistData;
import org.mnistmlp.plots.ChartFiles;
import org.mnistmlp.plots.Charts;
import org.mnistmlp.plots.LiveView;
import org.mnistmlp.plots.RunHistory;
import org.mnistmlp.train.AtomicFiles;
import org.mnistmlp.train.Interrupts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Trains one model per combination of the option values given, on the same data in the same order with
 * the same seed, then sets them side by side. The model and training options come from
 * {@link GridOptions}, so every one of them may vary.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false, modelTransformer = GridOptions.class,
        description = {
            "Trains one model per combination of the values given, with the same seed and data order, after a warm-up "
                + "that no run is charged for. Prints a table sorted by --sort and writes compare.md, compare.csv, "
                + "compare-loss.png and compare-accuracy.png, with each run's own files in a folder named after what "
                + "differs. Ctrl-C keeps the finished runs and writes the table so far.",
            "",
            "Every model and training option below may take alternatives, separated by commas: --lr 0.1,0.05 "
                + "--activation relu,silu. --hidden, whose value is already a comma-separated list, takes one "
                + "alternative per occurrence: --hidden 128 --hidden 512,256. Repeating any option adds alternatives; "
                + "a flag takes true,false. Options given one value apply to every run.",
            ""})
final class CompareCommand implements Callable<Integer> {
    static final String LOSS_CHART = "compare-loss.png";
    static final String ACCURACY_CHART = "compare-accuracy.png";
    static final String TABLE_MARKDOWN = "compare.md";
    static final String TABLE_CSV = "compare.csv";
    /** Training images in the warm-up: enough for the JIT to compile the training step and evaluation. */
    static final int WARM_UP_IMAGES = 10_000;

    @Mixin DataOptions data;

    @Mixin OutputOptions output;

    @Option(names = "--sort", defaultValue = "test-accuracy", converter = CompareMetric.Converter.class, paramLabel = "FIGURE",
            description = "what orders the table, best first: test-accuracy, test-loss, validation-accuracy, "
                    + "validation-loss, train-loss or time (default: ${DEFAULT-VALUE})")
    CompareMetric sort;

    @Spec CommandSpec spec;
    @ParentCommand TrainCommand parent;

    @Override
    public Integer call() {
        Grid grid = grid();
        List<Grid.Run> runs = grid.runs();
        List<RunOptions> options = runs.stream().map(run -> RunOptions.parse(spec, run.args())).toList();
        return output.run(dir -> compare(dir, grid, options));
    }

    private int compare(Path dir, Grid grid, List<RunOptions> options) {
        List<Grid.Run> runs = grid.runs();
        PrintStream stdout = parent.stdout();
        RunOptions first = options.get(0);
        MnistData mnist = Startup.kernelsAndData(first.training, first.model.hidden, first.activation.activation, data);
        options.forEach(o -> o.training.validate(new Validation(spec), mnist.train()));

        stdout.printf("grid     %d runs: %s%n", runs.size(), grid.varyingAxes().stream()
                .map(a -> a.name() + " " + String.join(" | ", a.values())).collect(Collectors.joining("; ")));
        stdout.printf("warm-up  %.1f s on %,d images, not counted%n", warmUp(runs.get(0), mnist), WARM_UP_IMAGES);
        Interrupts.install();
        List<ComparisonTable.Row> rows = new ArrayList<>();
        List<RunHistory> histories = new ArrayList<>();
        int code = 0;
        for (int i = 0; i < runs.size() && !Interrupts.requested(); i++) {
            Grid.Run run = runs.get(i);
            RunOptions o = options.get(i);
            Experiment experiment = new Experiment(run.label(), o.model, o.activation.activation, o.training, mnist);
            Path runDir = OutputOptions.subfolder(dir, run.folder());
            stdout.printf("%n== %s (%d/%d) ==%n", run.label(), i + 1, runs.size());
            experiment.printHeader(stdout, runDir);
            int runCode = ErrorReport.exitCode(stdout, () -> experiment.run(stdout, runDir, LiveView.none()), () -> { });
            code = Math.max(code, runCode);
            rows.add(ComparisonTable.Row.of(run, experiment));
            histories.add(experiment.recorder().history());
        }
        writeResults(stdout, dir, grid, rows, histories, mnist.name().id());
        return code;
    }

    /** The grid of the options given on the command line, in their order; a usage error if it has fewer than two runs. */
    private Grid grid() {
        CommandSpec runSpec = RunOptions.spec();
        List<Grid.Axis> axes = new ArrayList<>();
        // an option given several times is matched several times, holding all its values each time
        for (OptionSpec given : new LinkedHashSet<>(spec.commandLine().getParseResult().matchedOptions())) {
            OptionSpec runOption = runSpec.findOption(given.longestName());
            if (runOption != null) {
                try {
                    axes.add(Grid.Axis.of(runOption, given.getValue()));
                } catch (IllegalArgumentException e) {
                    throw new ParameterException(spec.commandLine(), e.getMessage(), e);
                }
            }
        }
        Grid grid = new Grid(axes);
        if (grid.varyingAxes().isEmpty()) {
            throw new ParameterException(spec.commandLine(), "compare: the grid is empty: give an option two or more values, "
                    + "e.g. --activation relu,silu or --lr 0.1,0.05");
        }
        if (grid.varyingAxes().stream().anyMatch(a -> a.name().equals("threads"))) {
            throw new ParameterException(spec.commandLine(), "--threads cannot vary within a comparison: its runs share one set of kernels");
        }
        return grid;
    }

    /**
     * Trains a throw-away copy of the first run for one epoch on a slice of the data, so that the JIT
     * compiles the training step and the evaluation before any run is timed. Returns its seconds.
     */
    private double warmUp(Grid.Run first, MnistData mnist) {
        RunOptions o = RunOptions.parse(spec, first.args());
        o.training.epochs = 1;
        o.training.validation = 0;
        o.training.patience = 0;
        MnistData slice = new MnistData(mnist.name(), mnist.train().first(WARM_UP_IMAGES), mnist.test().first(WARM_UP_IMAGES / 5),
                mnist.source());
        long start = System.nanoTime();
        new Experiment("warm-up", o.model, o.activation.activation, o.training, slice)
                .run(new PrintStream(PrintStream.nullOutputStream()), null, LiveView.none());
        return (System.nanoTime() - start) / 1e9;
    }

    private void writeResults(PrintStream stdout, Path dir, Grid grid, List<ComparisonTable.Row> rows, List<RunHistory> histories,
            String dataset) {
        ChartFiles.writePng(Charts.lossComparison(histories, dataset), dir.resolve(LOSS_CHART));
        ChartFiles.writePng(Charts.accuracyComparison(histories, dataset), dir.resolve(ACCURACY_CHART));
        List<ComparisonTable.Row> sorted = new ArrayList<>(rows);
        sorted.sort(sort.order());
        ComparisonTable table = new ComparisonTable(grid.varyingAxes().stream().map(Grid.Axis::name).toList(), sorted);
        String heading = String.format("%d of %d runs, sorted by %s (best first)", rows.size(), grid.runs().size(), sort.id());
        AtomicFiles.writeString(dir.resolve(TABLE_MARKDOWN), "# Comparison\n\n" + heading + ".\n\n" + table.markdown());
        AtomicFiles.writeString(dir.resolve(TABLE_CSV), table.csv());
        stdout.printf("%n%s%n%s", heading, table.text());
        stdout.printf("%nkept in %s: %s, %s, %s, %s, and one folder per run%n", dir, TABLE_MARKDOWN, TABLE_CSV, LOSS_CHART,
                ACCURACY_CHART);
    }
}
