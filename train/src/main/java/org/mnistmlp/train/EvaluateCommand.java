package org.mnistmlp.train;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mnistmlp.datasets.MnistData;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Loads a trained model and reports its test accuracy and confusion matrix. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false, modelTransformer = EvaluateCommand.DatasetFromModel.class,
        description = "Prints the test accuracy and confusion matrix of a trained model. The architecture, the data set "
                + "and its normalisation come from the model file; --dataset, if given, must agree with it.")
final class EvaluateCommand implements Callable<Integer> {
    /** Where the model comes from: one of the two. */
    static final class Source {
        @Option(names = "--model", required = true, paramLabel = "FILE", description = "a model.bin written by training")
        Path modelFile;

        @Option(names = "--init-from", required = true, paramLabel = "FILE",
                description = "a safetensors file in PyTorch's nn.Sequential layout whose metadata describes the network "
                        + "(as export writes it)")
        Path safetensors;
    }

    @ArgGroup(exclusive = true, multiplicity = "1") Source source;

    /** Here {@code --dataset} has no default: the model's data set is the default. */
    static final class DatasetFromModel implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            OptionSpec shared = spec.findOption("--dataset");
            spec.remove(shared);
            spec.addOption(OptionSpec.builder(shared).defaultValue(null)
                    .description("mnist or fashion-mnist; if given, must be the model's (default: the model's)").build());
            return spec;
        }
    }

    @Mixin DataOptions data;

    @Spec CommandSpec spec;
    @ParentCommand TrainCommand parent;

    @Override
    public Integer call() {
        PrintStream out = parent.stdout();
        Path file = source.modelFile != null ? source.modelFile : source.safetensors;
        TrainedModel trained = source.modelFile != null ? TrainedModel.load(file) : TrainedModel.fromSafetensors(file);
        if (data.dataset != null && data.dataset != trained.dataset()) {
            throw new ParameterException(spec.commandLine(), "--dataset " + data.dataset.id() + " contradicts the model, which was"
                    + " trained on " + trained.dataset().id() + "; leave --dataset out");
        }
        MnistData mnist = data.load(trained.dataset());
        trained.checkFits(mnist);

        Evaluation e = Evaluation.of(trained.model(), mnist.test(), trained.normalization(), mnist.name().classes());
        out.printf("model    %s (%s)%n", trained.architecture(), file);
        out.printf("data     %s: %s, %,d test images, normalised with mean %.4f std %.4f%n", mnist.name().id(), mnist.source(),
                mnist.test().size(), trained.normalization().mean(), trained.normalization().std());
        out.printf("test accuracy %.2f%%, test loss %.4f%n%n", e.accuracy() * 100, e.loss());
        printConfusion(out, e.confusion());
        return 0;
    }

    private static void printConfusion(PrintStream out, long[][] confusion) {
        out.println("confusion matrix (rows: true class, columns: predicted class)");
        out.print("      ");
        for (int j = 0; j < confusion.length; j++) {
            out.printf("%6d", j);
        }
        out.println();
        for (int i = 0; i < confusion.length; i++) {
            out.printf("%6d", i);
            for (long count : confusion[i]) {
                out.printf("%6d", count);
            }
            out.println();
        }
    }
}
