package org.mnistmlp.train.cli;

import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.mnistmlp.autograd.NoGrad;
import org.mnistmlp.autograd.Tensor;
import org.mnistmlp.datasets.DatasetException;
import org.mnistmlp.datasets.DigitImage;
import org.mnistmlp.nn.metrics.Metrics;
import org.mnistmlp.train.TrainedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Classifies image files with a trained model, preparing each as MNIST's images were made. */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Classifies PNG, JPEG, BMP or GIF images with a trained model and prints each file's most likely "
                + "classes with their probabilities.",
                "Each image is prepared as MNIST's were: grey, inverted when dark on light, cropped to the ink, its longer "
                + "side scaled to 20 px, centred by mass in 28×28, normalised as in training. A file that cannot be "
                + "classified gets one error line and the others are still classified."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every file classified", "1:a file could not be classified, or the model not loaded", "2:bad options"})
final class PredictCommand implements Callable<Integer> {
    private static final String IMAGE_EXTENSIONS = "(?i).*\\.(png|jpe?g|bmp|gif)";

    @Parameters(arity = "1..*", paramLabel = "IMAGE|FOLDER",
            description = "image files, or folders whose PNG, JPEG, BMP and GIF files are classified in name order")
    List<Path> inputs;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "a model.bin written by training")
    Path modelFile;

    @Option(names = "--top", paramLabel = "K", defaultValue = "3",
            description = "how many of the most likely classes to show (default: ${DEFAULT-VALUE})")
    int top;

    @Option(names = "--json", description = "print one JSON array, an object per file, instead of text")
    boolean json;

    @ParentCommand TrainCommand parent;

    @Spec CommandSpec spec;

    /** A file's outcome: its top classes and their probabilities, or why it could not be classified. */
    private record Result(Path file, int[] classes, float[] probabilities, String error) {}

    @Override
    public Integer call() {
        TrainedModel model = TrainedModel.load(modelFile);
        List<String> names = model.dataset().classNames();
        new Validation(spec).require(top >= 1 && top <= names.size(),
                "--top: must be between 1 and " + names.size() + ", got " + top);
        PrintStream out = parent.stdout();
        PrintWriter err = spec.commandLine().getErr();
        List<Result> results = new ArrayList<>();
        for (Path input : inputs) {
            for (Result r : classifyAll(model, input)) {
                if (r.error() != null) {
                    err.println("error: " + r.file() + ": " + r.error());
                } else if (!json) {
                    out.println(toText(r, names));
                }
                results.add(r);
            }
        }
        if (json) {
            out.println(toJson(results, names));
        }
        return results.stream().anyMatch(r -> r.error() != null) ? 1 : 0;
    }

    /** Classifies a file, or the image files directly inside a folder in name order. */
    private List<Result> classifyAll(TrainedModel model, Path input) {
        if (!Files.isDirectory(input)) {
            return List.of(classify(model, input));
        }
        try (Stream<Path> listing = Files.list(input)) {
            List<Result> results = listing.filter(f -> f.getFileName().toString().matches(IMAGE_EXTENSIONS))
                    .filter(Files::isRegularFile).sorted().map(f -> classify(model, f)).toList();
            return results.isEmpty() ? List.of(failed(input, "no PNG, JPEG, BMP or GIF files in this folder")) : results;
        } catch (IOException e) {
            return List.of(failed(input, "cannot list the folder: " + e.getMessage()));
        }
    }

    private Result classify(TrainedModel model, Path file) {
        DigitImage image;
        try {
            image = DigitImage.read(file);
        } catch (DatasetException e) {
            String prefix = file + ": ";
            return failed(file, e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length()) : e.getMessage());
        }
        float[] probabilities;
        try (NoGrad ignored = NoGrad.enter()) {
            Tensor x = Tensor.of(image.normalized(model.normalization()), 1, DigitImage.SIDE * DigitImage.SIDE);
            probabilities = model.model().forward(x).softmax().toArray();
        }
        int[] best = Metrics.topK(probabilities, top);
        float[] bestProbabilities = new float[best.length];
        for (int i = 0; i < best.length; i++) {
            bestProbabilities[i] = probabilities[best[i]];
        }
        return new Result(file, best, bestProbabilities, null);
    }

    private static Result failed(Path file, String error) {
        return new Result(file, null, null, error);
    }

    /** e.g. {@code digit.png: 7 (7 99.1%, 1 0.5%, 9 0.2%)}. */
    private static String toText(Result r, List<String> names) {
        StringBuilder line = new StringBuilder(r.file() + ": " + names.get(r.classes()[0]) + " (");
        for (int i = 0; i < r.classes().length; i++) {
            line.append(i > 0 ? ", " : "").append(names.get(r.classes()[i]))
                    .append(String.format(Locale.ROOT, " %.1f%%", 100 * r.probabilities()[i]));
        }
        return line.append(')').toString();
    }

    private static String toJson(List<Result> results, List<String> names) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Result r : results) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("file", r.file().toString());
            if (r.error() != null) {
                entry.put("error", r.error());
            } else {
                entry.put("class", r.classes()[0]);
                entry.put("name", names.get(r.classes()[0]));
                List<Map<String, Object>> topList = new ArrayList<>();
                for (int i = 0; i < r.classes().length; i++) {
                    Map<String, Object> t = new LinkedHashMap<>();
                    t.put("class", r.classes()[i]);
                    t.put("name", names.get(r.classes()[i]));
                    t.put("probability", r.probabilities()[i]);
                    topList.add(t);
                }
                entry.put("top", topList);
            }
            entries.add(entry);
        }
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(entries);
    }
}
