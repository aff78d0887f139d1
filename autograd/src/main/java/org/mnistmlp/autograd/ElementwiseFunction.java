package org.mnistmlp.autograd;

/**
 * An element-wise function together with its derivative, applied with {@link Tensor#map}.
 * Most functions extend {@link ScalarFunction} and give the value and derivative of one element;
 * the built-in activations implement the array forms directly to use the fast kernels.
 */
public interface ElementwiseFunction {

    /** The op's name, used in error messages and graph descriptions. */
    String name();

    /** {@code y[i] = f(x[i])} for every {@code i < n}; y is not cleared beforehand. */
    void forward(float[] x, float[] y, int n);

    /** {@code gx[i] += gy[i]·f'(x[i])}, where {@code y} holds the forward output. */
    void backward(float[] x, float[] y, float[] gy, float[] gx, int n);
}
