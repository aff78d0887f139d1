package org.mnistmlp.train;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.mnistmlp.nn.ModelFile;
import org.mnistmlp.nn.Module;
import org.mnistmlp.plots.ChartFiles;
import org.mnistmlp.plots.Charts;

/**
 * Keeps what a run has earned on disk, written atomically: the model file (architecture, parameters, data
 * set, normalisation and configuration) and {@code metrics.json} after every epoch, and the loss and accuracy charts when the run ends, however
 * it ends (and during long runs every {@link #CHART_INTERVAL_NANOS}). Charts are not redrawn every
 * epoch because rendering them while training runs costs the next epoch about a third of its speed
 * (the JIT compiles the drawing code on the same two cores). When a run stops early the files of the
 * last completed epoch stay, and {@code metrics.json} records how it ended. With a validation split the
 * model of the best epoch is restored at the end (see {@link EarlyStopping}) and saved over the last.
 */
public final class RunFiles implements TrainingListener {
    /** The file names in a run's folder: the trained model, its metrics and its two charts. */
    public static final String MODEL = "model.bin";
    public static final String METRICS = "metrics.json";
    public static final String LOSS_CHART = "loss.png";
    public static final String ACCURACY_CHART = "accuracy.png";
    static final long CHART_INTERVAL_NANOS = 60_000_000_000L;

    private final Path dir;
    private final Module model;
    private final Map<String, String> modelMetadata;
    private final RunRecorder recorder;
    private final Optional<EarlyStopping> selection;
    private long chartsWritten = System.nanoTime();

    /**
     * @param modelMetadata what the model file records beside the weights ({@link TrainedModel#metadata})
     * @param selection for runs with a validation split: when it restores the best epoch, that model is saved
     */
    public RunFiles(Path dir, Module model, Map<String, String> modelMetadata, RunRecorder recorder, Optional<EarlyStopping> selection) {
        this.dir = dir;
        this.model = model;
        this.modelMetadata = Map.copyOf(modelMetadata);
        this.recorder = recorder;
        this.selection = selection;
    }

    @Override
    public void onEpoch(EpochResult epoch) {
        ModelFile.save(model, modelMetadata, dir.resolve(MODEL));
        AtomicFiles.writeString(dir.resolve(METRICS), recorder.toJson());
        if (System.nanoTime() - chartsWritten >= CHART_INTERVAL_NANOS) {
            writeCharts();
        }
    }

    @Override
    public void onEnd(Outcome outcome) {
        if (selection.isPresent() && selection.get().restored()) {
            ModelFile.save(model, modelMetadata, dir.resolve(MODEL));
        }
        AtomicFiles.writeString(dir.resolve(METRICS), recorder.toJson());
        writeCharts();
    }

    private void writeCharts() {
        ChartFiles.writePng(Charts.loss(recorder.history()), dir.resolve(LOSS_CHART));
        ChartFiles.writePng(Charts.accuracy(recorder.history()), dir.resolve(ACCURACY_CHART));
        chartsWritten = System.nanoTime();
    }
}
