package org.mnistmlp.autograd;

/** An element-wise function of two values with its two partial derivatives, applied with broadcasting. */
interface BinaryFunction {
    String name();

    float value(float a, float b);

    /** ∂out/∂a, given also out = value(a, b). */
    float da(float a, float b, float out);

    /** ∂out/∂b, given also out = value(a, b). */
    float db(float a, float b, float out);
}
