package org.mnistmlp.train;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.mnistmlp.plots.RunHistory;

/**
 * An earlier run read back from the {@code metrics.json} in its folder: its configuration, as text, and
 * its history, ready to be charted.
 *
 * @param dir the run's folder
 * @param config each configuration entry as text, lists comma-separated ({@code hidden=512,256})
 */
public record SavedRun(Path dir, Map<String, String> config, JsonObject metrics) {

    /**
     * Reads the run kept in {@code dir}.
     *
     * @throws IllegalArgumentException in one line naming the folder if it holds no run
     */
    public static SavedRun read(Path dir) {
        Path file = dir.resolve(RunFiles.METRICS);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(dir + " holds no run: there is no " + RunFiles.METRICS + " in it");
        }
        try {
            JsonObject metrics = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
            if (!metrics.has("config") || !metrics.has("epochs") || !metrics.has("step_loss")) {
                throw new IllegalArgumentException("it has no config, epochs and step_loss");
            }
            Map<String, String> config = new LinkedHashMap<>();
            metrics.getAsJsonObject("config").entrySet().forEach(e -> config.put(e.getKey(), text(e.getValue())));
            return new SavedRun(dir, config, metrics);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(file + " is not the metrics of a run: " + e.getMessage(), e);
        }
    }

    private static String text(JsonElement value) {
        if (value.isJsonArray()) {
            return StreamSupport.stream(value.getAsJsonArray().spliterator(), false).map(SavedRun::text)
                    .collect(Collectors.joining(","));
        }
        return value.isJsonPrimitive() ? value.getAsString() : value.toString();
    }

    /**
     * The run's history under {@code name}: each step's loss at its place in the epochs (from the
     * recorded steps per epoch, or the steps divided evenly among the epochs in files that lack it),
     * and each epoch's figures.
     */
    public RunHistory history(String name) {
        RunHistory history = new RunHistory(name);
        JsonArray steps = metrics.getAsJsonArray("step_loss");
        JsonArray epochs = metrics.getAsJsonArray("epochs");
        int perEpoch = metrics.has("steps_per_epoch") ? metrics.get("steps_per_epoch").getAsInt() : 0;
        if (perEpoch <= 0) {
            perEpoch = Math.max(1, steps.size() / Math.max(1, epochs.size()));
        }
        for (int i = 0; i < steps.size(); i++) {
            history.addStep((i + 0.5) / perEpoch, steps.get(i).getAsDouble());
        }
        for (JsonElement element : epochs) {
            JsonObject e = element.getAsJsonObject();
            int epoch = e.get("epoch").getAsInt();
            history.addEpoch(epoch, e.get("train_loss").getAsDouble(), e.get("test_loss").getAsDouble(),
                    e.get("test_accuracy").getAsDouble());
            if (e.has("validation_loss")) {
                history.addValidation(epoch, e.get("validation_loss").getAsDouble(), e.get("validation_accuracy").getAsDouble());
            }
        }
        return history;
    }
}
