package org.mnistmlp.nn;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mnistmlp.autograd.Activation;

/** The hidden-layer activations by name ({@code relu}, {@code sigmoid}, {@code tanh}, {@code silu}), as a program's options give them. */
public final class Activations {
    private Activations() {}

    /** The valid names, lower case. */
    public static List<String> names() {
        return Arrays.stream(Activation.values()).map(Activation::id).toList();
    }

    /**
     * A new layer for the activation called {@code name} (case-insensitive).
     *
     * @throws IllegalArgumentException naming the valid choices if there is no such activation
     */
    public static Module byName(String name) {
        return switch (parse(name)) {
            case RELU -> new ReLU();
            case SIGMOID -> new Sigmoid();
            case TANH -> new Tanh();
            case SILU -> new SiLU();
        };
    }

    /**
     * The canonical (lower-case) name of the activation called {@code name}.
     *
     * @throws IllegalArgumentException naming the valid choices if there is no such activation
     */
    public static String canonicalName(String name) {
        return parse(name).id();
    }

    /** The name of the activation {@code layer} computes, or empty if it is not one of these activations. */
    public static Optional<String> nameOf(Module layer) {
        return names().stream().filter(name -> byName(name).getClass() == layer.getClass()).findFirst();
    }

    private static Activation parse(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (Activation a : Activation.values()) {
            if (a.id().equals(wanted)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown activation '" + name + "'; choose one of " + String.join(", ", names()));
    }
}
