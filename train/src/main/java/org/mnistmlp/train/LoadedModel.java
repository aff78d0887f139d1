package org.mnistmlp.train;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mnistmlp.datasets.DatasetName;
import org.mnistmlp.datasets.Normalization;
import org.mnistmlp.nn.ModelFile;
import org.mnistmlp.nn.Module;

/**
 * A trained model read back from its file, with what using it needs: the data set it was trained on
 * (its image size and class names) and how its inputs are normalised. Every command that uses a
 * trained model loads it here.
 *
 * @param module the network with its trained weights, in evaluation mode
 * @param dataset the data set it was trained on
 * @param normalization how its input pixels were normalised in training
 */
record LoadedModel(Module module, DatasetName dataset, Normalization normalization) {

    /**
     * Reads {@code model.bin}; the layer sizes, activation and data set come from the {@code metrics.json}
     * written beside it by training.
     *
     * @throws UncheckedIOException or IllegalArgumentException with a one-line message naming the file
     */
    static LoadedModel load(Path modelFile) {
        JsonObject config = readConfig(modelFile);
        DatasetName dataset = DatasetName.fromName(config.get("dataset").getAsString());
        List<Integer> hidden = new ArrayList<>();
        config.getAsJsonArray("hidden").forEach(h -> hidden.add(h.getAsInt()));
        Module module = ModelOptions.mlp(dataset, hidden, config.get("activation").getAsString(), 0);
        ModelFile.load(module, modelFile);
        module.eval();
        return new LoadedModel(module, dataset, Normalization.forDataset(dataset));
    }

    private static JsonObject readConfig(Path modelFile) {
        Path metrics = modelFile.toAbsolutePath().resolveSibling(RunFiles.METRICS);
        try {
            JsonObject config = JsonParser.parseString(Files.readString(metrics)).getAsJsonObject().getAsJsonObject("config");
            if (config == null || !config.has("hidden") || !config.has("activation") || !config.has("dataset")) {
                throw new IllegalArgumentException(metrics + " has no config with the data set, hidden sizes and activation");
            }
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + metrics
                    + ", which describes the model's layers; keep it beside " + modelFile.getFileName(), e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(metrics + " is not a metrics file written by training: " + e.getMessage(), e);
        }
    }
}
