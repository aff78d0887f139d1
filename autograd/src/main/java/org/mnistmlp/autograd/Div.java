package org.mnistmlp.autograd;

/** {@code a / b}; ∂/∂a = 1/b, ∂/∂b = -a/b² = -out/b. */
final class Div implements BinaryFunction {
    static final Div INSTANCE = new Div();

    @Override public String name() { return "div"; }
    @Override public float value(float a, float b) { return a / b; }
    @Override public float da(float a, float b, float out) { return 1f / b; }
    @Override public float db(float a, float b, float out) { return -out / b; }
}
