package org.mnistmlp.autograd;

/** {@code a - b}; partials 1 and -1. */
final class Sub implements BinaryFunction {
    static final Sub INSTANCE = new Sub();

    @Override public String name() { return "sub"; }
    @Override public float value(float a, float b) { return a - b; }
    @Override public float da(float a, float b, float out) { return 1f; }
    @Override public float db(float a, float b, float out) { return -1f; }
}
