package org.mnistmlp.autograd;

/**
 * An element-wise function written one element at a time: the shortest way to add an op.
 * <pre>{@code
 * Tensor y = x.map(new ScalarFunction("square") {
 *     protected float value(float x) { return x * x; }
 *     protected float derivative(float x, float y) { return 2 * x; }
 * });
 * }</pre>
 */
public abstract class ScalarFunction implements ElementwiseFunction {
    private final String name;

    protected ScalarFunction(String name) {
        this.name = name;
    }

    /** f(x). */
    protected abstract float value(float x);

    /** f'(x), given also y = f(x), which is often cheaper to use. */
    protected abstract float derivative(float x, float y);

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final void forward(float[] x, float[] y, int n) {
        for (int i = 0; i < n; i++) {
            y[i] = value(x[i]);
        }
    }

    @Override
    public final void backward(float[] x, float[] y, float[] gy, float[] gx, int n) {
        for (int i = 0; i < n; i++) {
            gx[i] += gy[i] * derivative(x[i], y[i]);
        }
    }
}
