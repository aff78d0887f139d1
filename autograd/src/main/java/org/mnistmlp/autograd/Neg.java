package org.mnistmlp.autograd;

/** {@code -x}; d/dx = -1. */
final class Neg extends ScalarFunction {
    static final Neg INSTANCE = new Neg();

    private Neg() { super("neg"); }

    @Override protected float value(float x) { return -x; }
    @Override protected float derivative(float x, float y) { return -1f; }
}
