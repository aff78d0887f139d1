package org.mnistmlp.train;

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
import org.mnistmlp.nn.Module;
import org.mnistmlp.nn.Sequential;
import org.mnistmlp.plots.LiveView;

/**
 * One training run as the commands set it up: the model from the options, the listeners that print
 * progress and keep files, and the trainer. {@code train}, {@code compare} and {@code bench} share it.
 */
final class Experiment {
    private final String name;
    private final Module model;
    private final TrainingOptions training;
    private final long seed;
    private final MnistData data;
    private final Optional<ImageSet> validation;
    private final Optional<EarlyStopping> selection;
    private final Map<String, Object> config;
    private final RunRecorder recorder;

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
        this.model = modelOptions.mlp(data, activation.id());
        this.selection = validation.map(v -> new EarlyStopping(training.monitor, training.patience, model));
        this.config = describe(modelOptions, activation, training, data);
        this.recorder = new RunRecorder(name, config, selection);
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
        c.put("epochs", t.epochs);
        c.put("batch_size", t.batchSize);
        c.put("lr", t.learningRate);
        c.put("momentum", t.momentum);
        c.put("weight_decay", t.weightDecay);
        c.put("schedule", t.schedule.name().toLowerCase(java.util.Locale.ROOT));
        c.put("validation", t.validation);
        c.put("patience", t.patience);
        c.put("monitor", t.monitor.name().toLowerCase(java.util.Locale.ROOT));
        c.put("threads", t.threads);
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
        out.printf("training %d epochs, batch %d, lr %s (%s), momentum %s, weight decay %s, seed %d%n", training.epochs,
                training.batchSize, training.learningRate, training.schedule.name().toLowerCase(java.util.Locale.ROOT),
                training.momentum, training.weightDecay, seed);
        out.printf("kernels  %s%n", Kernels.current().description());
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
     * refreshing {@code view}. Throws {@link TrainingStopped} when the run ends early.
     */
    void run(PrintStream out, Path outDir, LiveView view) {
        List<TrainingListener> listeners = new ArrayList<>();
        selection.ifPresent(listeners::add);   // first: the others see the best epoch it has just chosen
        listeners.add(recorder);
        listeners.add(new ProgressPrinter(out, Terminal.isInteractive(), training.epochs));
        if (outDir != null) {
            listeners.add(new RunFiles(outDir, model, recorder, selection));
        }
        listeners.add(new TrainingListener() {
            @Override public void onStep(StepEvent step) { view.refresh(); }
        });
        new Trainer(model, training.optimizer(model), training.settings(seed, data.name()), listeners).run(data, validation);
    }
}
