package org.mnistmlp.train;

import java.util.ArrayList;
import java.util.List;
import org.mnistmlp.autograd.Activation;
import org.mnistmlp.datasets.DatasetName;
import org.mnistmlp.nn.Init;
import org.mnistmlp.nn.Mlp;
import org.mnistmlp.nn.Sequential;
import picocli.CommandLine.Option;

/** The shape of the network and the seed of its weights. */
final class ModelOptions {
    @Option(names = "--hidden", split = ",", paramLabel = "N", defaultValue = "512,256",
            description = "hidden layer widths, comma-separated (default: ${DEFAULT-VALUE})")
    List<Integer> hidden;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "seed for weights and shuffling (default: ${DEFAULT-VALUE})")
    long seed;

    void validate(Validation v) {
        for (int h : hidden) {
            v.require(h >= 1, "--hidden: layer widths must be at least 1, got " + h);
        }
    }

    /** The network for a data set: its image size in, the hidden layers, its classes out. */
    static Sequential mlp(DatasetName dataset, List<Integer> hidden, String activation, long seed) {
        List<Integer> sizes = new ArrayList<>();
        sizes.add(dataset.rows() * dataset.cols());
        sizes.addAll(hidden);
        sizes.add(dataset.classes());
        return Mlp.of(sizes, activation, Init.DEFAULT, seed);
    }

    /** The activation option, kept apart because {@code compare} takes several instead. */
    static final class ActivationOption {
        @Option(names = "--activation", defaultValue = "relu", paramLabel = "NAME",
                description = "relu, silu, sigmoid or tanh (default: ${DEFAULT-VALUE})")
        Activation activation;
    }
}
