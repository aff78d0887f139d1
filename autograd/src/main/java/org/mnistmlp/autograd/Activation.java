package org.mnistmlp.autograd;

/** The element-wise activations that the compute kernels implement natively. */
public enum Activation {
    RELU, SIGMOID, TANH, SILU;

    /** The activation's lower-case name, as used on the command line ({@code relu}, {@code silu}, ...). */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
