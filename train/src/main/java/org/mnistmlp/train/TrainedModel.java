package org.mnistmlp.train;

import com.google.gson.Gson;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mnistmlp.datasets.DatasetName;
import org.mnistmlp.datasets.MnistData;
import org.mnistmlp.datasets.Normalization;
import org.mnistmlp.nn.MlpSpec;
import org.mnistmlp.nn.ModelFile;
import org.mnistmlp.nn.ModelFileException;
import org.mnistmlp.nn.Safetensors;
import org.mnistmlp.nn.SavedModel;
import org.mnistmlp.nn.Sequential;

/**
 * A trained model as the commands use it, read from its file alone: the network with its weights, the data
 * set it was trained on and that data set's normalisation. Training records these in the model file's
 * metadata ({@link #metadata}); every command that takes a model loads it here.
 *
 * @param model the network, with the file's weights
 * @param architecture its architecture
 * @param dataset the data set it was trained on
 * @param normalization how its input pixels are normalised
 * @param metadata everything the file records besides the weights (the keys below, and the training
 *     configuration under {@code config} as JSON)
 */
public record TrainedModel(Sequential model, MlpSpec architecture, DatasetName dataset, Normalization normalization,
                    Map<String, String> metadata) {
    static final String DATASET = "dataset";
    static final String MEAN = "mean";
    static final String STD = "std";
    static final String CONFIG = "config";

    /** What training records beside the weights: the data set, its normalisation, and the run's configuration. */
    public static Map<String, String> metadata(DatasetName dataset, Normalization normalization, Map<String, Object> config) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(DATASET, dataset.id());
        m.put(MEAN, Float.toString(normalization.mean()));
        m.put(STD, Float.toString(normalization.std()));
        m.put(CONFIG, new Gson().toJson(config));
        return m;
    }

    /**
     * Reads a model file written by training.
     *
     * @throws ModelFileException if the file is missing, invalid, or does not record the data set and normalisation
     */
    public static TrainedModel load(Path modelFile) {
        return of(ModelFile.read(modelFile), modelFile);
    }

    /**
     * Reads a safetensors file in PyTorch's layout whose {@code __metadata__} describes the network (as
     * {@code export} writes it, or as a PyTorch user adds it): {@link MlpSpec#toMap()}'s keys, {@code dataset},
     * {@code mean} and {@code std}.
     *
     * @throws ModelFileException if the file is missing, invalid, or its metadata lacks one of those keys
     */
    public static TrainedModel fromSafetensors(Path file) {
        return of(Safetensors.read(file), file);
    }

    private static TrainedModel of(SavedModel saved, Path file) {
        Map<String, String> m = saved.metadata();
        DatasetName dataset;
        Normalization normalization;
        try {
            dataset = DatasetName.fromName(required(m, DATASET, file));
            normalization = new Normalization(Float.parseFloat(required(m, MEAN, file)), Float.parseFloat(required(m, STD, file)));
        } catch (IllegalArgumentException e) {   // includes NumberFormatException
            throw new ModelFileException(file + ": bad metadata: " + e.getMessage(), e);
        }
        saved.model().eval();   // a loaded model is used, not trained: dropout off
        return new TrainedModel(saved.model(), saved.architecture(), dataset, normalization, m);
    }

    private static String required(Map<String, String> metadata, String key, Path file) {
        String value = metadata.get(key);
        if (value == null) {
            throw new ModelFileException(file + " does not record the '" + key + "' the model was trained with"
                    + " (keys needed: " + DATASET + ", " + MEAN + ", " + STD + ")");
        }
        return value;
    }

    /**
     * Checks that {@code data}'s images and classes fit the network.
     *
     * @throws IllegalArgumentException naming both sizes if they do not
     */
    public void checkFits(MnistData data) {
        int pixels = data.test().pixelsPerImage();
        if (architecture.inputs() != pixels || architecture.classes() != data.name().classes()) {
            throw new IllegalArgumentException("the model takes " + architecture.inputs() + " inputs and gives "
                    + architecture.classes() + " classes, but the data has " + pixels + " pixels per image and "
                    + data.name().classes() + " classes");
        }
    }
}
