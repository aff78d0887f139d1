package org.mnistmlp.autograd;

/**
 * The element-wise activations that the compute kernels implement natively, and the one definition of
 * their formulas: {@link ScalarKernels} applies {@link #value} and {@link #derivative} element by
 * element, the Vector API kernels compute the same formulas lane-wise (and are tested against these),
 * and the tests check these against finite differences and hand-derived values.
 *
 * <p>NaN stays NaN through every activation, and ReLU's derivative, the mask {@code x > 0}, is 0 there:
 * one answer for both kernels.
 */
public enum Activation {
    /** {@code max(x, 0)}; derivative 1 where x > 0, else 0. */
    RELU,
    /** {@code σ(x) = 1 / (1 + e⁻ˣ)}; derivative {@code σ(x)·(1 - σ(x))}. */
    SIGMOID,
    /** {@code tanh x}; derivative {@code 1 - tanh² x}. */
    TANH,
    /** {@code x·σ(x)}; derivative {@code σ(x)·(1 + x·(1 - σ(x)))}. */
    SILU;

    /** The activation's lower-case name, as used on the command line ({@code relu}, {@code silu}, ...). */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The activation of one value. */
    public float value(float x) {
        return switch (this) {
            case RELU -> Math.max(x, 0f);
            case SIGMOID -> sigmoid(x);
            case TANH -> (float) Math.tanh(x);
            case SILU -> x * sigmoid(x);
        };
    }

    /** The derivative at {@code x}, given also {@code y = value(x)}, from which sigmoid's and tanh's are cheaper. */
    public float derivative(float x, float y) {
        return switch (this) {
            case RELU -> x > 0f ? 1f : 0f;
            case SIGMOID -> y * (1f - y);
            case TANH -> 1f - y * y;
            case SILU -> {
                float s = sigmoid(x);
                yield s * (1f + x * (1f - s));
            }
        };
    }

    private static float sigmoid(float x) {
        return (float) (1.0 / (1.0 + Math.exp(-x)));
    }
}
