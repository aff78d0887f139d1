package org.mnistmlp.train.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mnistmlp.autograd.Tensor;
import org.mnistmlp.datasets.DatasetName;
import org.mnistmlp.datasets.ImageSet;
import org.mnistmlp.datasets.MnistData;
import org.mnistmlp.nn.metrics.ConfusionMatrix;
import org.mnistmlp.nn.metrics.Metrics;
import org.mnistmlp.plots.ChartFiles;
import org.mnistmlp.plots.ConfusionChart;
import org.mnistmlp.plots.Galleries;
import org.mnistmlp.plots.Mistake;
import org.mnistmlp.train.Evaluation;
import org.mnistmlp.train.TrainedModel;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Loads a trained model and reports its test accuracy, confusion matrix and per-class figures, and
 * draws the confusion matrix, the most confident mistakes and the first layer's weights.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false, modelTransformer = EvaluateCommand.DatasetFromModel.class,
        description = {"Prints the test accuracy, the confusion matrix and each class's precision, recall and F1 of a "
                + "trained model, and writes confusion.png, mistakes.png and weights.png.",
                "The architecture, the data set and its normalisation come from the model file; --dataset, if given, "
                        + "must agree with it."})
final class EvaluateCommand implements Callable<Integer> {
    static final String CONFUSION_CHART = "confusion.png";
    static final String MISTAKES_CHART = "mistakes.png";
    static final String WEIGHTS_CHART = "weights.png";
    /** The first layer's units drawn at most: an 8×8 grid stays readable. */
    private static final int WEIGHT_TILES = 64;

    /** Where the model comes from: one of the two. */
    static final class Source {
        @Option(names = "--model", required = true, paramLabel = "FILE", description = "a model.bin written by training")
        Path modelFile;

        @Option(names = "--init-from", required = true, paramLabel = "FILE",
                description = "a safetensors file in PyTorch's nn.Sequential layout whose metadata describes the network "
                        + "(as export writes it)")
        Path safetensors;
    }

    @ArgGroup(exclusive = true, multiplicity = "1") Source source;

    @Option(names = "--out", paramLabel = "DIR", description = "where to write the pictures (default: the model's folder)")
    Path out;

    @Option(names = "--mistakes", paramLabel = "N", defaultValue = "36",
            description = "how many of the most confident mistakes to draw (default: ${DEFAULT-VALUE})")
    int mistakes;

    /** Here {@code --dataset} has no default: the model's data set is the default. */
    static final class DatasetFromModel implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            OptionSpec shared = spec.findOption("--dataset");
            spec.remove(shared);
            spec.addOption(OptionSpec.builder(shared).defaultValue(null)
                    .description("mnist or fashion-mnist; if given, must be the model's (default: the model's)").build());
            return spec;
        }
    }

    @Mixin DataOptions data;

    @ParentCommand TrainCommand parent;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        new Validation(spec).require(mistakes >= 0, "--mistakes: must be 0 or more, got " + mistakes);
        PrintStream stdout = parent.stdout();
        Path file = source.modelFile != null ? source.modelFile : source.safetensors;
        TrainedModel model = source.modelFile != null ? TrainedModel.load(file) : TrainedModel.fromSafetensors(file);
        DatasetName dataset = model.dataset();
        new Validation(spec).require(data.dataset == null || data.dataset == dataset,
                "--dataset " + (data.dataset == null ? "" : data.dataset.id()) + " contradicts the model, which was trained on "
                        + dataset.id() + "; leave --dataset out");
        MnistData mnist = data.load(dataset);
        model.checkFits(mnist);
        Evaluation e = Evaluation.of(model.model(), mnist.test(), model.normalization(), dataset.classes());

        stdout.printf("model    %s (%s)%n", model.architecture(), file);
        stdout.printf("data     %s: %s, %,d test images, normalised with mean %.4f std %.4f%n", dataset.id(), mnist.source(),
                mnist.test().size(), model.normalization().mean(), model.normalization().std());
        stdout.printf("test accuracy %.2f%%, test loss %.4f%n%n", e.accuracy() * 100, e.loss());
        printConfusion(stdout, e.confusion().counts());
        stdout.println();
        printPerClass(stdout, e.confusion(), dataset.classNames());

        Path dir = out != null ? out : file.toAbsolutePath().getParent();
        writePictures(model, mnist.test(), e, dir);
        stdout.printf("%nwrote %s, %s, %s to %s%n", CONFUSION_CHART, MISTAKES_CHART, WEIGHTS_CHART, dir);
        return 0;
    }

    private void writePictures(TrainedModel model, ImageSet test, Evaluation e, Path dir) {
        DatasetName dataset = model.dataset();
        List<String> names = dataset.classNames();
        ChartFiles.writePng(ConfusionChart.of(e.confusion().counts(), names,
                String.format("Confusion matrix, %s test set (%.2f%% right)", dataset.id(), 100 * e.accuracy())),
                dir.resolve(CONFUSION_CHART));

        int[] labels = new int[test.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = test.label(i);
        }
        List<Mistake> worst = new ArrayList<>();
        for (int i : Metrics.mostConfidentMistakes(labels, e.predicted(), e.confidence(), mistakes)) {
            int[] pixels = new int[test.pixelsPerImage()];
            for (int p = 0; p < pixels.length; p++) {
                pixels[p] = test.pixel(i, p);
            }
            worst.add(new Mistake(pixels, names.get(labels[i]), names.get(e.predicted()[i]), e.confidence()[i]));
        }
        ChartFiles.writePng(Galleries.mistakes(worst, dataset.cols(),
                String.format("The %d most confident mistakes, %s test set", worst.size(), dataset.id())),
                dir.resolve(MISTAKES_CHART));

        Tensor weight = model.model().parameters().get(0);     // [pixels, units]: the first layer, in → out
        int units = weight.size(1);
        float[] weights = weight.toArray();
        List<float[]> tiles = new ArrayList<>();
        for (int u = 0; u < Math.min(units, WEIGHT_TILES); u++) {
            float[] tile = new float[weight.size(0)];
            for (int p = 0; p < tile.length; p++) {
                tile[p] = weights[p * units + u];
            }
            tiles.add(tile);
        }
        ChartFiles.writePng(Galleries.weights(tiles, dataset.cols(),
                String.format("First layer: weights of units 0-%d of %d", tiles.size() - 1, units)),
                dir.resolve(WEIGHTS_CHART));
    }

    private static void printConfusion(PrintStream out, long[][] confusion) {
        out.println("confusion matrix (rows: true class, columns: predicted class)");
        out.print("      ");
        for (int j = 0; j < confusion.length; j++) {
            out.printf("%6d", j);
        }
        out.println();
        for (int i = 0; i < confusion.length; i++) {
            out.printf("%6d", i);
            for (long count : confusion[i]) {
                out.printf("%6d", count);
            }
            out.println();
        }
    }

    /** One row per class (precision, recall, F1, how many test images have it), then the macro averages. */
    private static void printPerClass(PrintStream out, ConfusionMatrix m, List<String> names) {
        int width = Math.max("macro average".length(), names.stream().mapToInt(String::length).max().orElse(0) + 4);
        out.printf("%-" + width + "s %9s %9s %9s %9s%n", "class", "precision", "recall", "f1", "support");
        for (int c = 0; c < m.classes(); c++) {
            String label = names.get(c).equals(Integer.toString(c)) ? names.get(c) : c + " " + names.get(c);
            out.printf("%-" + width + "s %9s %9s %9s %9d%n", label, ratio(m.precision(c)), ratio(m.recall(c)), ratio(m.f1(c)), m.support(c));
        }
        out.printf("%-" + width + "s %9s %9s %9s %9d%n", "macro average", ratio(m.macroPrecision()), ratio(m.macroRecall()),
                ratio(m.macroF1()), m.total());
    }

    /** A 0..1 figure to four places, or {@code n/a} where it is undefined (a class never predicted or absent). */
    private static String ratio(double value) {
        return Double.isNaN(value) ? "n/a" : String.format("%.4f", value);
    }
}
