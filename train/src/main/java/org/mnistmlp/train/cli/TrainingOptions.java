package org.mnistmlp.train.cli;

import java.util.Map;
import org.mnistmlp.datasets.DatasetName;
import org.mnistmlp.datasets.ImageSet;
import org.mnistmlp.datasets.Normalization;
import org.mnistmlp.train.EarlyStopping;
import org.mnistmlp.train.ScheduleSettings;
import org.mnistmlp.train.TrainingSettings;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/** How long and how fast to train, with which optimizer and schedule, and on how many threads. */
final class TrainingOptions {
    @Option(names = "--epochs", defaultValue = "5", paramLabel = "N", description = "passes over the training set (default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--batch-size", defaultValue = "64", paramLabel = "N", description = "images per optimizer step (default: ${DEFAULT-VALUE})")
    int batchSize;

    @Option(names = "--optimizer", defaultValue = "sgd", converter = OptimizerSettings.Kind.Converter.class, paramLabel = "NAME",
            description = "sgd, adam, adamw or rmsprop (default: ${DEFAULT-VALUE})")
    OptimizerSettings.Kind optimizer;

    @Option(names = "--lr", paramLabel = "RATE",
            description = "learning rate, the peak for one-cycle (default: 0.05 for sgd, 0.001 for the others)")
    Double learningRate;

    @Option(names = "--momentum", paramLabel = "M",
            description = "momentum of sgd and rmsprop, 0 for none (default: 0.9 for sgd, 0 for rmsprop)")
    Double momentum;

    @Option(names = "--betas", paramLabel = "B1,B2",
            description = "decay rates of the moment averages of adam and adamw (default: ${DEFAULT-VALUE})")
    String betas = "0.9,0.999";

    @Option(names = "--weight-decay", paramLabel = "WD",
            description = "weight decay: an L2 term in the gradient, or decoupled for adamw (default: 0, 0.01 for adamw)")
    Double weightDecay;

    @Option(names = "--no-bias-decay", description = "no weight decay on biases")
    boolean noBiasDecay;

    @Option(names = "--schedule", defaultValue = "cosine", converter = ScheduleConverter.class, paramLabel = "NAME",
            description = "learning-rate schedule: constant, step, cosine, warmup-cosine or one-cycle (default: ${DEFAULT-VALUE})")
    ScheduleSettings.Kind schedule;

    @Option(names = "--warmup-epochs", paramLabel = "E",
            description = "epochs (may be fractional) of rising rate for warmup-cosine and one-cycle "
                    + "(default: 1 for warmup-cosine, 30%% of the run for one-cycle)")
    Double warmupEpochs;

    @Option(names = "--step-epochs", defaultValue = "2", paramLabel = "N",
            description = "epochs between the drops of the step schedule (default: ${DEFAULT-VALUE})")
    int stepEpochs;

    @Option(names = "--gamma", defaultValue = "0.1", paramLabel = "G",
            description = "factor of each drop of the step schedule (default: ${DEFAULT-VALUE})")
    double gamma;

    @Option(names = "--clip-norm", defaultValue = "0", paramLabel = "X",
            description = "clip the gradients to this global L2 norm, 0 for off (default: ${DEFAULT-VALUE})")
    double clipNorm;

    @Option(names = "--shift", defaultValue = "0", paramLabel = "PIXELS",
            description = "augment the training images: shift each by up to this many pixels along each axis, anew "
                    + "every epoch (default: ${DEFAULT-VALUE}, none)")
    int shift;

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
        OptimizerSettings o = optimizerSettings();
        v.require(o.learningRate() > 0 && Double.isFinite(o.learningRate()), "--lr must be a positive number, got " + o.learningRate());
        v.requireOnlyWith("--momentum", optimizer.hasMomentum(), "sgd and rmsprop, not " + optimizer.id());
        v.require(o.momentum() >= 0 && o.momentum() < 1, "--momentum must be in [0, 1), got " + o.momentum());
        v.requireOnlyWith("--betas", optimizer.hasBetas(), "adam and adamw, not " + optimizer.id());
        v.require(betaPair() != null, "--betas takes two numbers, B1,B2, got " + betas);
        v.require(o.beta1() >= 0 && o.beta1() < 1 && o.beta2() >= 0 && o.beta2() < 1, "--betas must each be in [0, 1), got " + betas);
        v.require(o.weightDecay() >= 0 && Double.isFinite(o.weightDecay()), "--weight-decay must be zero or positive, got " + o.weightDecay());
        ScheduleSettings s = scheduleSettings();
        v.requireOnlyWith("--warmup-epochs", schedule.warmsUp(), "warmup-cosine and one-cycle, not " + schedule.id());
        v.require(!schedule.warmsUp() || s.warmupEpochs() > 0 && s.warmupEpochs() < epochs,
                "--warmup-epochs must be above 0 and below --epochs (" + epochs + ") for " + schedule.id() + ", got " + s.warmupEpochs());
        v.requireOnlyWith("--step-epochs", schedule == ScheduleSettings.Kind.STEP, "the step schedule, not " + schedule.id());
        v.requireOnlyWith("--gamma", schedule == ScheduleSettings.Kind.STEP, "the step schedule, not " + schedule.id());
        v.require(stepEpochs >= 1, "--step-epochs must be at least 1, got " + stepEpochs);
        v.require(gamma > 0 && gamma <= 1, "--gamma must be in (0, 1], got " + gamma);
        v.require(clipNorm >= 0 && Double.isFinite(clipNorm), "--clip-norm must be zero (off) or positive, got " + clipNorm);
        v.require(threads >= 1, "--threads must be at least 1, got " + threads);
        v.require(shift >= 0 && shift <= 4, "--shift must be from 0 to 4 pixels, got " + shift);
        v.require(validation >= 0, "--validation must be zero or positive, got " + validation);
        v.require(patience >= 0, "--patience must be zero or positive, got " + patience);
        v.require(patience == 0 || validation > 0, "--patience needs a validation split to watch: add --validation N");
    }

    /** Checks what depends on the data: the validation split must leave images to train on. */
    void validate(Validation v, ImageSet train) {
        v.require(validation < train.size(), "--validation " + validation + " must be smaller than the "
                + train.size() + " training images");
    }

    /** The optimizer settings, each default resolved for the chosen optimizer. */
    OptimizerSettings optimizerSettings() {
        double[] b = betaPair() != null ? betaPair() : new double[] {Double.NaN, Double.NaN};
        return new OptimizerSettings(optimizer,
                learningRate != null ? learningRate : optimizer.defaultLearningRate,
                momentum != null ? momentum : optimizer.defaultMomentum,
                b[0], b[1],
                weightDecay != null ? weightDecay : optimizer.defaultWeightDecay,
                !noBiasDecay);
    }

    /** The two numbers of {@code --betas}, or null if it does not hold two numbers. */
    private double[] betaPair() {
        String[] parts = betas.split(",", -1);
        try {
            return parts.length == 2 ? new double[] {Double.parseDouble(parts[0].strip()), Double.parseDouble(parts[1].strip())} : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The schedule settings, the warm-up's default resolved for the chosen schedule. */
    ScheduleSettings scheduleSettings() {
        double warmup = warmupEpochs != null ? warmupEpochs : schedule == ScheduleSettings.Kind.ONE_CYCLE ? 0.3 * epochs : 1;
        return new ScheduleSettings(schedule, warmup, stepEpochs, gamma);
    }

    /** Adds these settings to a run's recorded configuration. */
    void describe(Map<String, Object> config) {
        config.put("epochs", epochs);
        config.put("batch_size", batchSize);
        optimizerSettings().describe(config);
        scheduleSettings().describe(config);
        config.put("clip_norm", clipNorm);
        config.put("shift", shift);
        config.put("validation", validation);
        config.put("patience", patience);
        config.put("monitor", monitor.name().toLowerCase(java.util.Locale.ROOT));
        config.put("threads", threads);
    }

    TrainingSettings settings(long seed, DatasetName dataset) {
        return new TrainingSettings(epochs, batchSize, optimizerSettings().learningRate(), scheduleSettings(), clipNorm, seed,
                Normalization.forDataset(dataset), shift);
    }

    /** Reads {@code --schedule}: one of the schedules' names, any case. */
    static final class ScheduleConverter implements ITypeConverter<ScheduleSettings.Kind> {
        @Override
        public ScheduleSettings.Kind convert(String value) {
            return LowerCaseEnumConverter.byId(ScheduleSettings.Kind.values(), ScheduleSettings.Kind::id, value, "schedule");
        }
    }
}
