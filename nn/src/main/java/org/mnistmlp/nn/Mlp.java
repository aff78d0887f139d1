package org.mnistmlp.nn;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Builds a multi-layer perceptron from its layer sizes: {@code Linear, activation, Linear, ..., Linear},
 * with no activation after the last layer, whose outputs are the logits. {@link MlpSpec} is the same
 * architecture as a value, which model files record.
 * <pre>{@code
 * Sequential model = Mlp.of(List.of(784, 128, 10), "silu", Init.HE, 42);
 * // Sequential((0): Linear(784 → 128), (1): SiLU, (2): Linear(128 → 10))
 * }</pre>
 */
public final class Mlp {
    private Mlp() {}

    /**
     * An MLP whose weights are drawn from a {@link Well19937c} seeded with {@code seed}: the same seed
     * gives the same weights.
     *
     * @param sizes the input size, the hidden sizes, and the output size: at least two, all positive
     * @param activation the name of the hidden activation, one of {@link Activations#names()}
     * @throws IllegalArgumentException for an unknown activation (listing the valid ones) or bad sizes
     */
    public static Sequential of(List<Integer> sizes, String activation, Init init, long seed) {
        return of(sizes, activation, init, new Well19937c(seed));
    }

    /**
     * As {@link #of(List, String, Init, long)}, with {@link Dropout} on the input (if {@code inputDropout}
     * is above 0) and after every hidden activation (if {@code dropout} is above 0):
     * {@code [Dropout], Linear, activation, [Dropout], ..., Linear}. The weights are those of the same
     * network without dropout; the masks are seeded from {@code seed} and the layer's position.
     *
     * @throws IllegalArgumentException as {@link #of(List, String, Init, long)}, or for a probability outside [0, 1)
     */
    public static Sequential of(List<Integer> sizes, String activation, Init init, long seed, double inputDropout,
            double dropout) {
        List<Module> layers = new ArrayList<>();
        if (inputDropout != 0) {
            layers.add(new Dropout(inputDropout, seed));
        }
        for (Module layer : of(sizes, activation, init, seed).layers()) {
            layers.add(layer);
            if (!(layer instanceof Linear) && dropout != 0) {
                layers.add(new Dropout(dropout, seed + layers.size()));
            }
        }
        return new Sequential(layers.toArray(Module[]::new));
    }

    /** As {@link #of(List, String, Init, long)}, drawing the layers' weights in order from {@code rng}. */
    public static Sequential of(List<Integer> sizes, String activation, Init init, RandomGenerator rng) {
        return MlpSpec.of(sizes, activation).buildWithoutDropout(init, rng);
    }
}
