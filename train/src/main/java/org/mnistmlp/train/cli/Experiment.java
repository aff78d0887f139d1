package org.mnistmlp.train.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.mnistmlp.autograd.Activation;
import org.mnistmlp.autograd.Kernels;
import org.mnistmlp.datasets.ImageSet;
import org.mnistmlp.datasets.MnistData;
import org.mnistmlp.datasets.ValidationSplit;
import org.mnistmlp.nn.MlpSpec;
import org.mnistmlp.nn.Module;
import org.mnistmlp.nn.Optimizer;
import org.mnistmlp.nn.Safetensors;
import org.mnistmlp.nn.Sequential;
import org.mnistmlp.plots.LiveView;
import org.mnistmlp.train.Checkpoint;
import org.mnistmlp.train.CheckpointFiles;
import org.mnistmlp.train.EarlyStopping;
import org.mnistmlp.train.Outcome;
import org.mnistmlp.train.RunFiles;
import org.mnistmlp.train.RunRecorder;
import org.mnistmlp.train.StepEvent;
import org.mnistmlp.train.TrainedModel;
import org.mnistmlp.train.Trainer;
import org.mnistmlp.train.TrainingListener;
import org.mnistmlp.train.TrainingSettings;

/**
 * One training run as the commands set it up: the model from the options, the listeners that print
 * progress and keep files, and the trainer. {@code train}, {@code compare} and {@code bench} share it.
 */
final class Experiment {
    private final String name;
    private final Module model;
    private final Optimizer optimizer;
    private final TrainingOptions training;
    private final long seed;
    private final MnistData data;
    private final Optional<ImageSet> validation;
    private final Optional<EarlyStopping> selection;
    private final Map<String, Object> config;
    private final RunRecorder recorder;
    private List<String> checkpointOptions;
    private int completedEpochs;

    /** A run on {@code data}, holding out {@code training.validation} of its training images if that is above 0. */
    Experiment(String name, ModelOptions modelOptions, Activation activation, TrainingOptions training, MnistData data) {
        this.name = name;
        this.training = training;
        this.seed = modelOptions.seed;
        if (training.validation > 0) {
            ValidationSplit split = ValidationSplit.of(data.train(), training.validation);
            this.data = new MnistData(data.name(), split.train(), data.test(), data.source());
            this.validation = Optional.of(split.validation());
        } else {
            this.data = data;
            this.validation = Optional.empty();
        }
        if (training.batchSize > this.data.train().size()) {
            throw new ErrorReport.UsageError(String.format("--batch-size %d is larger than the training set (%,d images)",
                    training.batchSize, this.data.train().size()));
        }
        this.model = modelOptions.mlp(data.name(), activation.id());
        this.optimizer = training.optimizerSettings().build(model);
        this.selection = validation.map(v -> new EarlyStopping(training.monitor, training.patience, model));
        this.config = describe(modelOptions, activation, training, data);
        this.recorder = new RunRecorder(name, data.name().id() + ", MLP " + MlpSpec.describe(model), config, selection);
    }

    private static Map<String, Object> describe(ModelOptions m, Activation activation, TrainingOptions t, MnistData data) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("dataset", data.name().id());
        c.put("data_source", data.source());
        c.put("hidden", m.hidden);
        c.put("activation", activation.id());
        c.put("dropout", m.dropout);
        c.put("input_dropout", m.inputDropout);
        c.put("seed", m.seed);
        t.describe(c);
        c.put("kernels", Kernels.current().description());
        return c;
    }

    /** What chose the kept epoch, e.g. "validation loss"; for runs with a validation split. */
    String selectionDescription() {
        return selection.map(s -> s.monitor().describe()).orElse("the last epoch");
    }

    Module model() {
        return model;
    }

    /**
     * Starts from the weights of a safetensors file in PyTorch's layout instead of fresh ones, and records
     * the file in the configuration.
     *
     * @throws org.mnistmlp.nn.ModelFileException if the file is invalid or its shapes are not the model's
     */
    void initFrom(Path safetensors) {
        Safetensors.load(model, safetensors);
        config.put("init_from", safetensors.toString());
    }

    Optimizer optimizer() {
        return optimizer;
    }

    /** The steps of one epoch. */
    int stepsPerEpoch() {
        return Trainer.stepsPerEpoch(data, training.batchSize);
    }

    /**
     * Keeps a {@link Checkpoint} in the output folder after every epoch, recording {@code options}
     * (the options the run was started with) so that {@code --resume} can continue it.
     */
    void keepCheckpoints(List<String> options) {
        checkpointOptions = List.copyOf(options);
    }

    /** Continues after {@code epochs} completed epochs: the model, optimizer and record must hold their state. */
    void resumeAfter(int epochs) {
        completedEpochs = epochs;
    }

    RunRecorder recorder() {
        return recorder;
    }

    String name() {
        return name;
    }

    /** Prints what is about to run: model, parameter count, data, kernels, output folder. */
    void printHeader(PrintStream out, Path outDir) {
        out.printf("model    %s, %,d parameters%n", oneLine(model), model.parameterCount());
        String held = validation.map(v -> String.format(", %,d validation", v.size())).orElse("");
        out.printf("data     %s: %s (%,d train%s, %,d test images)%n", data.name().id(), data.source(),
                data.train().size(), held, data.test().size());
        out.printf("training %s, batch %d, %s%s, seed %d%n", Terminal.count(training.epochs, "epoch"), training.batchSize,
                training.optimizerSettings().summary(training.schedule.id()),
                training.clipNorm > 0 ? ", gradient norm clipped to " + training.clipNorm : "", seed);
        out.printf("kernels  %s%n", Kernels.current().description());
        if (config.containsKey("init_from")) {
            out.printf("weights  from %s%n", config.get("init_from"));
        }
        if (outDir != null) {
            out.printf("output   %s%n", outDir);
        }
    }

    private static String oneLine(Module model) {
        return model instanceof Sequential s
                ? s.layers().stream().map(Object::toString).collect(Collectors.joining(", ", "Sequential(", ")"))
                : model.toString();
    }

    /**
     * Trains, printing progress to {@code out}, keeping files in {@code outDir} (if not null) and
     * refreshing {@code view}. Throws {@link Outcome.TrainingStopped} when the run ends early.
     */
    void run(PrintStream out, Path outDir, LiveView view) {
        TrainingSettings settings = training.settings(seed, data.name());
        List<TrainingListener> listeners = new ArrayList<>();
        selection.ifPresent(listeners::add);   // first: the others see the best epoch it has just chosen
        listeners.add(recorder);
        listeners.add(new ProgressPrinter(out, Terminal.isInteractive(), training.epochs, Terminal::columns));
        if (outDir != null) {
            listeners.add(new RunFiles(outDir, model, TrainedModel.metadata(data.name(), settings.normalization(), config), recorder,
                    selection));
            if (checkpointOptions != null) {
                listeners.add(new CheckpointFiles(outDir, model, optimizer, checkpointOptions, training.epochs));
            }
        }
        listeners.add(new TrainingListener() {
            @Override public void onStep(StepEvent step) { view.refresh(); }
        });
        new Trainer(model, optimizer, settings, listeners).run(data, validation, completedEpochs);
    }
}
