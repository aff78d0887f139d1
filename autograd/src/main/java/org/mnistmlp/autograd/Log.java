package org.mnistmlp.autograd;

/** The natural logarithm; d/dx = 1/x. */
final class Log extends ScalarFunction {
    static final Log INSTANCE = new Log();

    private Log() { super("log"); }

    @Override protected float value(float x) { return (float) Math.log(x); }
    @Override protected float derivative(float x, float y) { return 1f / x; }
}
