package org.mnistmlp.train.cli;

import com.google.gson.Gson;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mnistmlp.autograd.Kernels;
import org.mnistmlp.datasets.MnistData;
import org.mnistmlp.plots.LiveView;
import org.mnistmlp.train.EpochResult;
import org.mnistmlp.train.Interrupts;
import picocli.CommandLine.Command;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Trains the same network as the PyTorch peer benchmark ({@code shared/bench/pytorch_mlp.py}) with the
 * same settings, and prints the same figures, so the two can be set side by side in one run.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        defaultValueProvider = BenchCommand.PeerSettings.class,
        description = "Trains the PyTorch peer's model (784-128-10, ReLU, plain SGD, lr 0.1, batch 64) and prints "
                + "per-epoch training time and samples/s, then a JSON line like the peer's. Writes no files.")
final class BenchCommand implements Callable<Integer> {
    @Mixin ModelOptions model;
    @Mixin ModelOptions.ActivationOption activation;
    @Mixin TrainingOptions training;
    @Mixin DataOptions data;

    @Spec CommandSpec spec;
    @ParentCommand TrainCommand parent;

    /** The peer script's settings, where they differ from the training defaults. */
    static final class PeerSettings implements IDefaultValueProvider {
        private static final Map<String, String> PEER = Map.of(
                "--hidden", "128", "--lr", "0.1", "--momentum", "0", "--schedule", "constant", "--epochs", "3", "--seed", "0");

        @Override
        public String defaultValue(ArgSpec arg) {
            return arg instanceof OptionSpec o ? PEER.get(o.longestName()) : null;
        }
    }

    @Override
    public Integer call() {
        Validation.check(spec, model, training);
        PrintStream out = parent.stdout();
        MnistData mnist = Startup.kernelsAndData(training, model.hidden, activation.activation, data);
        training.validate(new Validation(spec), mnist.train());
        Experiment run = new Experiment(activation.activation.id(), model, activation.activation, training, mnist);
        run.printHeader(out, null);
        Interrupts.install();
        return ErrorReport.exitCode(out, () -> run.run(out, null, LiveView.none()), () -> printJson(out, run, mnist));
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
