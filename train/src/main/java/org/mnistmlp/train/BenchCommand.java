package org.mnistmlp.train;

import com.google.gson.Gson;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mnistmlp.autograd.Activation;
import org.mnistmlp.autograd.Kernels;
import org.mnistmlp.datasets.MnistData;
import org.mnistmlp.plots.LiveView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Trains the same network as the PyTorch peer benchmark ({@code shared/bench/pytorch_mlp.py}) with the
 * same settings, and prints the same figures, so the two can be set side by side in one run.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Trains the PyTorch peer's model (784-128-10, ReLU, plain SGD, lr 0.1, batch 64) and prints "
                + "per-epoch training time and samples/s, then a JSON line like the peer's. Writes no files.")
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--epochs", defaultValue = "3", paramLabel = "N", description = "epochs to time (default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--hidden", split = ",", defaultValue = "128", paramLabel = "N",
            description = "hidden layer widths (default: ${DEFAULT-VALUE})")
    List<Integer> hidden;

    @Option(names = "--batch-size", defaultValue = "64", paramLabel = "N", description = "images per step (default: ${DEFAULT-VALUE})")
    int batchSize;

    @Option(names = "--lr", defaultValue = "0.1", paramLabel = "RATE", description = "learning rate (default: ${DEFAULT-VALUE})")
    double learningRate;

    @Option(names = "--activation", defaultValue = "relu", paramLabel = "NAME", description = "activation (default: ${DEFAULT-VALUE})")
    Activation activation;

    @Option(names = "--threads", paramLabel = "N", description = "compute threads (default: all ${DEFAULT-VALUE} processors)")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--seed", defaultValue = "0", paramLabel = "N", description = "seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Mixin DataOptions data;

    @Spec CommandSpec spec;
    @ParentCommand TrainCommand parent;

    @Override
    public Integer call() {
        ModelOptions model = new ModelOptions();
        model.hidden = hidden;
        model.seed = seed;
        TrainingOptions training = new TrainingOptions();
        training.epochs = epochs;
        training.batchSize = batchSize;
        training.learningRate = learningRate;
        training.momentum = 0;
        training.weightDecay = 0;
        training.schedule = Schedule.CONSTANT;
        training.threads = threads;
        Validation v = new Validation(spec);
        model.validate(v);
        training.validate(v);

        PrintStream out = parent.stdout();
        MnistData mnist = Startup.kernelsAndData(threads, data);
        Experiment run = new Experiment(activation.id(), model, activation, training, mnist);
        run.printHeader(out, null);
        Interrupts.install();
        return Outcomes.exitCode(out, () -> run.run(out, null, LiveView.none()), () -> printJson(out, run, mnist));
    }

    private static void printJson(PrintStream out, Experiment run, MnistData mnist) {
        List<EpochResult> epochs = run.recorder().epochs();
        double fastest = epochs.stream().mapToDouble(EpochResult::trainSeconds).min().orElseThrow();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("peer", "mnist-mlp " + Kernels.current().description());
        json.put("epoch_s", epochs.stream().map(EpochResult::trainSeconds).toList());
        json.put("test_acc", epochs.get(epochs.size() - 1).testAccuracy());
        json.put("samples_per_s", mnist.train().size() / fastest);
        out.println(new Gson().toJson(json));
    }
}
