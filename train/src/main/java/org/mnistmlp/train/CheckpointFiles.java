package org.mnistmlp.train;

import java.nio.file.Path;
import java.util.List;
import org.mnistmlp.nn.Module;
import org.mnistmlp.nn.Optimizer;

/** Writes the run's {@link Checkpoint} after every epoch, so that {@code --resume} can continue it. */
public final class CheckpointFiles implements TrainingListener {
    private final Path dir;
    private final Module model;
    private final Optimizer optimizer;
    private final List<String> options;
    private final int plannedEpochs;

    /**
     * @param dir the run's folder
     * @param model the model whose checksum each checkpoint records
     * @param optimizer whose state each checkpoint keeps
     * @param options the run's options as {@code --name=value}, for {@code --resume}
     * @param plannedEpochs the epochs the run is to train
     */
    public CheckpointFiles(Path dir, Module model, Optimizer optimizer, List<String> options, int plannedEpochs) {
        this.dir = dir;
        this.model = model;
        this.optimizer = optimizer;
        this.options = List.copyOf(options);
        this.plannedEpochs = plannedEpochs;
    }

    @Override
    public void onEpoch(EpochResult epoch) {
        new Checkpoint(options, plannedEpochs, epoch.epoch(), Checkpoint.checksum(model), optimizer.stateDict()).write(dir);
    }
}
