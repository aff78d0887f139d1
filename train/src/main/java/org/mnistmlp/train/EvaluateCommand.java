package org.mnistmlp.train;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mnistmlp.datasets.MnistData;
import org.mnistmlp.datasets.Normalization;
import org.mnistmlp.nn.ModelFile;
import org.mnistmlp.nn.Module;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Loads a trained model and reports its test accuracy and confusion matrix. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Prints the test accuracy and confusion matrix of a trained model. The model's layer sizes and "
                + "activation are read from the metrics.json written beside it.")
final class EvaluateCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "FILE", description = "a model.bin written by training")
    Path modelFile;

    @Mixin DataOptions data;

    @ParentCommand TrainCommand parent;

    @Override
    public Integer call() {
        PrintStream out = parent.stdout();
        JsonObject config = readConfig(modelFile);
        MnistData mnist = data.load();
        List<Integer> hidden = new ArrayList<>();
        config.getAsJsonArray("hidden").forEach(h -> hidden.add(h.getAsInt()));
        Module model = ModelOptions.mlp(mnist, hidden, config.get("activation").getAsString(), 0,
                probability(config, "input_dropout"), probability(config, "dropout"));
        ModelFile.load(model, modelFile);

        Evaluation e = Evaluation.of(model, mnist.test(), Normalization.forDataset(mnist.name()), mnist.name().classes());
        out.printf("model    %s (%s)%n", model, modelFile);
        out.printf("data     %s: %s, %,d test images%n", mnist.name().id(), mnist.source(), mnist.test().size());
        out.printf("test accuracy %.2f%%, test loss %.4f%n%n", e.accuracy() * 100, e.loss());
        printConfusion(out, e.confusion());
        return 0;
    }

    /** A dropout probability from the config; 0 for files written before dropout existed. */
    private static double probability(JsonObject config, String key) {
        return config.has(key) ? config.get(key).getAsDouble() : 0;
    }

    private static JsonObject readConfig(Path modelFile) {
        Path metrics = modelFile.toAbsolutePath().resolveSibling(RunFiles.METRICS);
        try {
            JsonObject config = JsonParser.parseString(Files.readString(metrics)).getAsJsonObject().getAsJsonObject("config");
            if (config == null || !config.has("hidden") || !config.has("activation")) {
                throw new IllegalArgumentException(metrics + " has no config with hidden sizes and activation");
            }
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + metrics
                    + ", which describes the model's layers; keep it beside " + modelFile.getFileName(), e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(metrics + " is not a metrics file written by training: " + e.getMessage(), e);
        }
    }

    private static void printConfusion(PrintStream out, long[][] confusion) {
        out.println("confusion matrix (rows: true digit, columns: predicted digit)");
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
}
