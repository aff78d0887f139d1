package org.mnistmlp.train;

import org.mnistmlp.datasets.DatasetName;
import org.mnistmlp.datasets.ImageSet;
import org.mnistmlp.datasets.Normalization;
import org.mnistmlp.nn.SGD;
import org.mnistmlp.nn.Module;
import picocli.CommandLine.Option;

/** How long and how fast to train, and on how many threads. */
final class TrainingOptions {
    @Option(names = "--epochs", defaultValue = "5", paramLabel = "N", description = "passes over the training set (default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--batch-size", defaultValue = "64", paramLabel = "N", description = "images per SGD step (default: ${DEFAULT-VALUE})")
    int batchSize;

    @Option(names = "--lr", defaultValue = "0.05", paramLabel = "RATE", description = "learning rate (default: ${DEFAULT-VALUE})")
    double learningRate;

    @Option(names = "--momentum", defaultValue = "0.9", paramLabel = "M", description = "SGD momentum, 0 for plain SGD (default: ${DEFAULT-VALUE})")
    double momentum;

    @Option(names = "--weight-decay", defaultValue = "0", paramLabel = "WD", description = "L2 weight decay (default: ${DEFAULT-VALUE})")
    double weightDecay;

    @Option(names = "--schedule", defaultValue = "cosine", paramLabel = "NAME",
            description = "learning-rate schedule: constant or cosine (default: ${DEFAULT-VALUE})")
    Schedule schedule;

    @Option(names = "--validation", defaultValue = "0", paramLabel = "N",
            description = "hold out the last N images of a fixed shuffled order of the training set: never trained on, "
                    + "they choose the best epoch, whose model is kept (default: ${DEFAULT-VALUE}, none)")
    int validation;

    @Option(names = "--patience", defaultValue = "0", paramLabel = "N",
            description = "stop when the --monitor figure has not improved for N epochs; needs --validation "
                    + "(default: ${DEFAULT-VALUE}, never stop early)")
    int patience;

    @Option(names = "--monitor", defaultValue = "loss", paramLabel = "FIGURE",
            description = "what chooses the best epoch: validation loss or accuracy (default: ${DEFAULT-VALUE})")
    EarlyStopping.Monitor monitor;

    @Option(names = "--threads", paramLabel = "N", description = "compute threads (default: all ${DEFAULT-VALUE} processors)")
    int threads = Runtime.getRuntime().availableProcessors();

    void validate(Validation v) {
        v.require(epochs >= 1, "--epochs must be at least 1, got " + epochs);
        v.require(batchSize >= 1, "--batch-size must be at least 1, got " + batchSize);
        v.require(learningRate > 0 && Double.isFinite(learningRate), "--lr must be a positive number, got " + learningRate);
        v.require(momentum >= 0 && momentum < 1, "--momentum must be in [0, 1), got " + momentum);
        v.require(weightDecay >= 0 && Double.isFinite(weightDecay), "--weight-decay must be zero or positive, got " + weightDecay);
        v.require(threads >= 1, "--threads must be at least 1, got " + threads);
        v.require(validation >= 0, "--validation must be zero or positive, got " + validation);
        v.require(patience >= 0, "--patience must be zero or positive, got " + patience);
        v.require(patience == 0 || validation > 0, "--patience needs a validation split to watch: add --validation N");
    }

    /** Checks what depends on the data: the validation split must leave images to train on. */
    void validate(Validation v, ImageSet train) {
        v.require(validation < train.size(), "--validation " + validation + " must be smaller than the "
                + train.size() + " training images");
    }

    SGD optimizer(Module model) {
        return SGD.builder(model.parameters()).learningRate(learningRate).momentum(momentum).weightDecay(weightDecay).build();
    }

    TrainingSettings settings(long seed, DatasetName dataset) {
        return new TrainingSettings(epochs, batchSize, learningRate, schedule, seed, Normalization.forDataset(dataset));
    }
}
