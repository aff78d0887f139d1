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
 * {@code [Dropout], Linear, activation, [Dropout], ..., Linear} with no activation after the last layer,
 * a {@link Dropout} on the input if {@code inputDropout} is above 0 and after every hidden activation if
 * {@code dropout} is.
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
 * @param inputDropout the dropout probability on the input, in [0, 1); 0 for none
 * @param dropout the dropout probability after each hidden activation, in [0, 1); 0 for none (and
 *     always 0 without hidden layers)
 */
public record MlpSpec(int inputs, List<Integer> hidden, int classes, String activation, double inputDropout,
                      double dropout) {
    /** The activation of a network without hidden layers, which has none. */
    public static final String NO_ACTIVATION = "none";

    private static final String INPUTS = "inputs";
    private static final String HIDDEN = "hidden";
    private static final String CLASSES = "classes";
    private static final String ACTIVATION = "activation";
    private static final String INPUT_DROPOUT = "input_dropout";
    private static final String DROPOUT = "dropout";

    /**
     * Checks the sizes and canonicalises the activation's name.
     *
     * @throws IllegalArgumentException for a size below 1, an unknown activation (listing the valid ones) or
     *     a dropout probability outside [0, 1)
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
            dropout = 0;
        }
        if (!(inputDropout >= 0 && inputDropout < 1) || !(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("MLP dropout probabilities must be in [0, 1), got input " + inputDropout
                    + " and hidden " + dropout);
        }
    }

    /** The architecture without dropout. */
    public MlpSpec(int inputs, List<Integer> hidden, int classes, String activation) {
        this(inputs, hidden, classes, activation, 0, 0);
    }

    /** This architecture with the given dropout probabilities. */
    public MlpSpec withDropout(double inputDropout, double dropout) {
        return new MlpSpec(inputs, hidden, classes, activation, inputDropout, dropout);
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
        if (!(model instanceof Sequential sequential)) {
            throw notAnMlp(model, "expected a Sequential");
        }
        List<Module> layers = sequential.layers().stream().filter(layer -> !(layer instanceof Dropout)).toList();
        if (layers.size() % 2 == 0) {
            throw notAnMlp(model, "expected an odd number of layers besides dropout");
        }
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
        MlpSpec plain = of(sizes, activation);
        List<Module> all = sequential.layers();
        double inputDropout = all.get(0) instanceof Dropout d ? d.p() : 0;
        double dropout = all.stream().skip(1).filter(layer -> layer instanceof Dropout).findFirst()
                .map(layer -> ((Dropout) layer).p()).orElse(0.0);
        MlpSpec spec = plain.withDropout(inputDropout, dropout);
        if (!dropoutPattern(all).equals(dropoutPattern(spec.build(0).layers()))) {
            throw notAnMlp(model, "its dropout is not on the input and after every hidden activation, with one probability");
        }
        return spec;
    }

    /** The layers' kinds in order, with each dropout's probability: what must match between two networks. */
    private static List<String> dropoutPattern(List<Module> layers) {
        return layers.stream().map(layer -> layer instanceof Dropout d ? "Dropout(" + d.p() + ")"
                : layer instanceof Linear ? "Linear" : "activation").toList();
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

    /**
     * The network with PyTorch's default initialisation from a {@link Well19937c} seeded with {@code seed},
     * and its dropout masks seeded from {@code seed} too, as {@link Mlp#of(List, String, Init, long, double, double)}.
     */
    public Sequential build(long seed) {
        return Mlp.of(sizes(), activation, Init.DEFAULT, seed, inputDropout, dropout);
    }

    /** The network without its dropout layers, its layers' weights drawn in order from {@code rng} as {@code init} says. */
    Sequential buildWithoutDropout(Init init, RandomGenerator rng) {
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
     * {@code classes}, {@code activation}, and {@code input_dropout} and {@code dropout} where they are above 0,
     * all as strings, e.g. {@code {"inputs": "784", "hidden": "512,256", "classes": "10", "activation": "relu",
     * "dropout": "0.5"}}.
     */
    public Map<String, String> toMap() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(INPUTS, Integer.toString(inputs));
        map.put(HIDDEN, hidden.stream().map(String::valueOf).collect(Collectors.joining(",")));
        map.put(CLASSES, Integer.toString(classes));
        map.put(ACTIVATION, activation);
        if (inputDropout > 0) {
            map.put(INPUT_DROPOUT, Double.toString(inputDropout));
        }
        if (dropout > 0) {
            map.put(DROPOUT, Double.toString(dropout));
        }
        return map;
    }

    /**
     * Reads the map form written by {@link #toMap()}; other keys in {@code map} are ignored, and the dropout
     * keys may be missing (no dropout), as in a file written by hand for a PyTorch network.
     *
     * @throws IllegalArgumentException naming a missing key or a value that is not valid
     */
    public static MlpSpec fromMap(Map<String, String> map) {
        String hidden = required(map, HIDDEN).strip();
        List<Integer> widths = hidden.isEmpty() ? List.of()
                : Arrays.stream(hidden.split(",", -1)).map(w -> number(HIDDEN, w)).toList();
        return new MlpSpec(number(INPUTS, required(map, INPUTS)), widths, number(CLASSES, required(map, CLASSES)),
                required(map, ACTIVATION), probability(map, INPUT_DROPOUT), probability(map, DROPOUT));
    }

    private static double probability(Map<String, String> map, String key) {
        String value = map.getOrDefault(key, "0");
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the architecture's '" + key + "' is not a number: '" + value + "'", e);
        }
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

    /** For example {@code "784-512-256-10 relu"}, or {@code "784-512-256-10 relu, dropout 0.5"}. */
    @Override
    public String toString() {
        return sizes().stream().map(String::valueOf).collect(Collectors.joining("-")) + " " + activation
                + (inputDropout > 0 ? ", input dropout " + inputDropout : "") + (dropout > 0 ? ", dropout " + dropout : "");
    }
}
