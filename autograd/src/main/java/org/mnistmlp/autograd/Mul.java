package org.mnistmlp.autograd;

/** {@code a·b}; each partial is the other factor. */
final class Mul implements BinaryFunction {
    static final Mul INSTANCE = new Mul();

    @Override public String name() { return "mul"; }
    @Override public float value(float a, float b) { return a * b; }
    @Override public float da(float a, float b, float out) { return b; }
    @Override public float db(float a, float b, float out) { return a; }
}
