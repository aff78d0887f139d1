package org.mnistmlp.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * The architecture of a multi-layer perceptron: everything needed to build it again, as
 * {@code Linear, activation, Linear, ..., Linear} with no activation after the last layer.
 *
 * <p>It has a map form of string keys and string values ({@link #toMap()}, {@link #fromMap(Map)}), which
 * model files and the safetensors metadata store. A new layer option (dropout, say) is one more
 * component here, one more key in the map form, and one more check in {@link #describe(Module)}.
 *
 * @param inputs the number of input features
 * @param hidden the widths of the hidden layers, possibly none
 * @param classes the number of outputs (logits)
 * @param activation the hidden activation's canonical name ({@link Activations#names()}), or
 *     {@link #NO_ACTIVATION} when there is no hidden layer
 */
public record MlpSpec(int inputs, List<Integer> hidden, int classes, String activation) {
    /** The activation of a network without hidden layers, which has none. */
    public static final String NO_ACTIVATION = "none";

    private static final String INPUTS = "inputs";
    private static final String HIDDEN = "hidden";
    private static final String CLASSES = "classes";
    private static final String ACTIVATION = "activation";

    /**
     * Checks the sizes and canonicalises the activation's name.
     *
     * @throws IllegalArgumentException for a size below 1 or an unknown activation (listing the valid ones)
     */
    public MlpSpec {
        hidden = List.copyOf(hidden);
        List<Integer> sizes = sizes(inputs, hidden, classes);
        if (sizes.stream().anyMatch(size -> size < 1)) {
            throw new IllegalArgumentException("MLP layer sizes must be positive, got "
                    + sizes.stream().map(String::valueOf).collect(Collectors.joining(" → ")));
        }
        if (!(hidden.isEmpty() && activation.equals(NO_ACTIVATION))) {
            activation = Activations.canonicalName(activation);   // a bad name is an error even when unused
        }
        if (hidden.isEmpty()) {
            activation = NO_ACTIVATION;
        }
    }

    /**
     * The architecture with these layer sizes.
     *
     * @param sizes the input size, the hidden sizes, and the output size: at least two
     * @param activation the hidden activation's name (case-insensitive)
     * @throws IllegalArgumentException for fewer than two sizes, a size below 1 or an unknown activation
     */
    public static MlpSpec of(List<Integer> sizes, String activation) {
        if (sizes.size() < 2) {
            throw new IllegalArgumentException("an MLP needs at least an input and an output size, got " + sizes);
        }
        return new MlpSpec(sizes.get(0), sizes.subList(1, sizes.size() - 1), sizes.get(sizes.size() - 1), activation);
    }

    /**
     * The architecture of {@code model}, which must be a {@link Sequential} of {@link Linear} layers with
     * one of {@link Activations} between each two, fitting each other's sizes, each Linear a layer of its
     * own: a Linear used twice (tied weights) has no place in an architecture whose layers each have their
     * parameters, so a file written from it would not hold what the model computes.
     *
     * @throws IllegalArgumentException naming what does not fit that pattern
     */
    public static MlpSpec describe(Module model) {
        if (!(model instanceof Sequential sequential) || sequential.layers().size() % 2 == 0) {
            throw notAnMlp(model, "expected a Sequential of an odd number of layers");
        }
        List<Module> layers = sequential.layers();
        List<Integer> sizes = new ArrayList<>();
        String activation = NO_ACTIVATION;
        for (int i = 0; i < layers.size(); i += 2) {
            if (!(layers.get(i) instanceof Linear linear)) {
                throw notAnMlp(model, "layer " + i + " is " + layers.get(i) + ", expected a Linear");
            }
            int first = indexOfSame(layers, linear);
            if (first < i) {
                throw notAnMlp(model, "layer " + i + " is layer " + first + " again, a Linear with shared weights");
            }
            if (!sizes.isEmpty() && sizes.get(sizes.size() - 1) != linear.inFeatures()) {
                throw notAnMlp(model, "layer " + i + " takes " + linear.inFeatures() + " inputs, the layer before gives "
                        + sizes.get(sizes.size() - 1));
            }
            if (sizes.isEmpty()) {
                sizes.add(linear.inFeatures());
            }
            sizes.add(linear.outFeatures());
            if (i > 0) {
                Module between = layers.get(i - 1);
                int at = i - 1;
                String name = Activations.nameOf(between).orElseThrow(
                        () -> notAnMlp(model, "layer " + at + " is " + between + ", expected an activation"));
                if (i > 2 && !name.equals(activation)) {
                    throw notAnMlp(model, "it mixes the activations " + activation + " and " + name);
                }
                activation = name;
            }
        }
        return of(sizes, activation);
    }

    /** The first position of {@code layer} itself (not an equal one) in {@code layers}. */
    private static int indexOfSame(List<Module> layers, Module layer) {
        int at = 0;
        while (layers.get(at) != layer) {
            at++;
        }
        return at;
    }

    private static IllegalArgumentException notAnMlp(Module model, String why) {
        return new IllegalArgumentException("not a multi-layer perceptron (" + why + "): "
                + model.toString().replaceAll("\\s*\\n\\s*", " "));
    }

    /** The input size, the hidden sizes, and the output size. */
    public List<Integer> sizes() {
        return sizes(inputs, hidden, classes);
    }

    private static List<Integer> sizes(int inputs, List<Integer> hidden, int classes) {
        List<Integer> sizes = new ArrayList<>();
        sizes.add(inputs);
        sizes.addAll(hidden);
        sizes.add(classes);
        return sizes;
    }

    /**
     * The number of trainable scalars the network has, computed without building it.
     *
     * @throws ArithmeticException if it does not fit a {@code long}
     */
    public long parameterCount() {
        List<Integer> sizes = sizes();
        long count = 0;
        for (int i = 0; i + 1 < sizes.size(); i++) {
            long in = sizes.get(i);
            long out = sizes.get(i + 1);
            count = Math.addExact(count, Math.addExact(Math.multiplyExact(in, out), out));
        }
        return count;
    }

    /** The network with PyTorch's default initialisation from a {@link Well19937c} seeded with {@code seed}. */
    public Sequential build(long seed) {
        return build(Init.DEFAULT, new Well19937c(seed));
    }

    /** The network, its layers' weights drawn in order from {@code rng} as {@code init} says. */
    public Sequential build(Init init, RandomGenerator rng) {
        List<Integer> sizes = sizes();
        List<Module> layers = new ArrayList<>();
        for (int i = 0; i + 1 < sizes.size(); i++) {
            if (i > 0) {
                layers.add(Activations.byName(activation));
            }
            layers.add(new Linear(sizes.get(i), sizes.get(i + 1), init, rng));
        }
        return new Sequential(layers.toArray(Module[]::new));
    }

    /**
     * The map form: {@code inputs}, {@code hidden} (comma-separated widths, empty for none),
     * {@code classes} and {@code activation}, all as strings, e.g. {@code {"inputs": "784", "hidden":
     * "512,256", "classes": "10", "activation": "relu"}}.
     */
    public Map<String, String> toMap() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(INPUTS, Integer.toString(inputs));
        map.put(HIDDEN, hidden.stream().map(String::valueOf).collect(Collectors.joining(",")));
        map.put(CLASSES, Integer.toString(classes));
        map.put(ACTIVATION, activation);
        return map;
    }

    /**
     * Reads the map form written by {@link #toMap()}; other keys in {@code map} are ignored.
     *
     * @throws IllegalArgumentException naming a missing key or a value that is not valid
     */
    public static MlpSpec fromMap(Map<String, String> map) {
        String hidden = required(map, HIDDEN).strip();
        List<Integer> widths = hidden.isEmpty() ? List.of()
                : Arrays.stream(hidden.split(",", -1)).map(w -> number(HIDDEN, w)).toList();
        return new MlpSpec(number(INPUTS, required(map, INPUTS)), widths, number(CLASSES, required(map, CLASSES)),
                required(map, ACTIVATION));
    }

    /** Whether {@code map} holds any key of the map form, so that it claims to describe an architecture. */
    static boolean isDescribedIn(Map<String, String> map) {
        return map.containsKey(INPUTS) || map.containsKey(HIDDEN) || map.containsKey(CLASSES) || map.containsKey(ACTIVATION);
    }

    private static String required(Map<String, String> map, String key) {
        String value = map.get(key);
        if (value == null) {
            throw new IllegalArgumentException("the architecture has no '" + key + "'");
        }
        return value;
    }

    private static int number(String key, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the architecture's '" + key + "' is not a whole number: '" + value + "'", e);
        }
    }

    /** For example {@code "784-512-256-10 relu"}. */
    @Override
    public String toString() {
        return sizes().stream().map(String::valueOf).collect(Collectors.joining("-")) + " " + activation;
    }
}
