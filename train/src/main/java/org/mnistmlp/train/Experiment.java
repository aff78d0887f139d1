package org.mnistmlp.train;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.mnistmlp.autograd.Activation;
import org.mnistmlp.autograd.Kernels;
import org.mnistmlp.datasets.MnistData;
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
    private final Map<String, Object> config;
    private final RunRecorder recorder;

    Experiment(String name, ModelOptions modelOptions, Activation activation, TrainingOptions training, MnistData data) {
        this.name = name;
        this.training = training;
        this.seed = modelOptions.seed;
        this.data = data;
        if (training.batchSize > data.train().size()) {
            throw new UsageError(String.format("--batch-size %d is larger than the training set (%,d images)",
                    training.batchSize, data.train().size()));
        }
        this.model = ModelOptions.mlp(data, modelOptions.hidden, activation.id(), seed);
        this.config = describe(modelOptions, activation, training, data);
        this.recorder = new RunRecorder(name, shape(data, modelOptions) + " " + activation.id(), config);
    }

    private static Map<String, Object> describe(ModelOptions m, Activation activation, TrainingOptions t, MnistData data) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("dataset", data.name().id());
        c.put("data_source", data.source());
        c.put("hidden", m.hidden);
        c.put("activation", activation.id());
        c.put("seed", m.seed);
        c.put("epochs", t.epochs);
        c.put("batch_size", t.batchSize);
        c.put("lr", t.learningRate);
        c.put("momentum", t.momentum);
        c.put("weight_decay", t.weightDecay);
        c.put("schedule", t.schedule.name().toLowerCase(java.util.Locale.ROOT));
        c.put("threads", t.threads);
        c.put("kernels", Kernels.current().description());
        return c;
    }

    /** The data set and the layer sizes, for titles: "mnist, MLP 784-512-256-10". */
    static String shape(MnistData data, ModelOptions model) {
        return data.name().id() + ", MLP " + Stream.concat(Stream.of(data.train().pixelsPerImage()),
                Stream.concat(model.hidden.stream(), Stream.of(data.name().classes()))).map(String::valueOf)
                .collect(Collectors.joining("-"));
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
        out.printf("data     %s: %s (%,d train, %,d test images)%n", data.name().id(), data.source(),
                data.train().size(), data.test().size());
        out.printf("training %s, batch %d, lr %s (%s), momentum %s, weight decay %s, seed %d%n", Format.count(training.epochs, "epoch"),
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
        listeners.add(recorder);
        listeners.add(new ProgressPrinter(out, Terminal.isInteractive(), training.epochs, Terminal::columns));
        if (outDir != null) {
            listeners.add(new RunFiles(outDir, model, recorder));
        }
        listeners.add(new TrainingListener() {
            @Override public void onStep(StepEvent step) { view.refresh(); }
        });
        new Trainer(model, training.optimizer(model), training.settings(seed, data.name()), listeners).run(data);
    }
}
