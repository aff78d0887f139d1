package org.mnistmlp.train.cli;

import java.util.List;
import org.mnistmlp.autograd.Activation;
import org.mnistmlp.datasets.DatasetName;
import org.mnistmlp.nn.MlpSpec;
import org.mnistmlp.nn.Sequential;
import picocli.CommandLine.Option;

/** The shape of the network and the seed of its weights. */
final class ModelOptions {
    @Option(names = "--hidden", split = ",", paramLabel = "N", defaultValue = "512,256",
            description = "hidden layer widths, comma-separated (default: ${DEFAULT-VALUE})")
    List<Integer> hidden;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "seed for weights, shuffling and dropout (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--dropout", defaultValue = "0", paramLabel = "P",
            description = "dropout probability after each hidden layer, in [0, 1) (default: ${DEFAULT-VALUE})")
    double dropout;

    @Option(names = "--input-dropout", defaultValue = "0", paramLabel = "P",
            description = "dropout probability on the input pixels, in [0, 1) (default: ${DEFAULT-VALUE})")
    double inputDropout;

    void validate(Validation v) {
        for (int h : hidden) {
            v.require(h >= 1, "--hidden: layer widths must be at least 1, got " + h);
        }
        v.require(dropout >= 0 && dropout < 1, "--dropout must be in [0, 1), got " + dropout);
        v.require(inputDropout >= 0 && inputDropout < 1, "--input-dropout must be in [0, 1), got " + inputDropout);
    }

    /** The network these options describe, for a data set. */
    Sequential mlp(DatasetName dataset, String activation) {
        return mlp(dataset, hidden, activation, seed, inputDropout, dropout);
    }

    /**
     * The network for a data set: its image size in, the hidden layers, its classes out, with dropout on
     * the input and after each hidden layer where the probabilities are above 0.
     */
    static Sequential mlp(DatasetName dataset, List<Integer> hidden, String activation, long seed, double inputDropout,
            double dropout) {
        return new MlpSpec(dataset.pixelsPerImage(), hidden, dataset.classes(), activation, inputDropout, dropout)
                .build(seed);
    }

    /** The activation option, kept apart because {@code compare} takes several instead. */
    static final class ActivationOption {
        @Option(names = "--activation", defaultValue = "relu", paramLabel = "NAME",
                description = "relu, silu, sigmoid or tanh (default: ${DEFAULT-VALUE})")
        Activation activation;
    }
}
