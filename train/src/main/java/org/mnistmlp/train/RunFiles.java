package org.mnistmlp.train;

import java.nio.file.Path;
import org.mnistmlp.nn.ModelFile;
import org.mnistmlp.nn.Module;
import org.mnistmlp.plots.ChartFiles;
import org.mnistmlp.plots.Charts;

/**
 * Keeps what a run has earned on disk, rewritten atomically after every epoch: the model's parameters,
 * {@code metrics.json}, and the loss and accuracy charts. When a run stops early the files of the last
 * completed epoch stay, and {@code metrics.json} records how it ended.
 */
final class RunFiles implements TrainingListener {
    static final String MODEL = "model.bin";
    static final String METRICS = "metrics.json";
    static final String LOSS_CHART = "loss.png";
    static final String ACCURACY_CHART = "accuracy.png";

    private final Path dir;
    private final Module model;
    private final RunRecorder recorder;

    RunFiles(Path dir, Module model, RunRecorder recorder) {
        this.dir = dir;
        this.model = model;
        this.recorder = recorder;
    }

    @Override
    public void onEpoch(EpochResult epoch) {
        ModelFile.save(model, dir.resolve(MODEL));
        AtomicFiles.writeString(dir.resolve(METRICS), recorder.toJson());
        ChartFiles.writePng(Charts.loss(recorder.history()), dir.resolve(LOSS_CHART));
        ChartFiles.writePng(Charts.accuracy(recorder.history()), dir.resolve(ACCURACY_CHART));
    }

    @Override
    public void onEnd(Outcome outcome) {
        AtomicFiles.writeString(dir.resolve(METRICS), recorder.toJson());
    }
}
