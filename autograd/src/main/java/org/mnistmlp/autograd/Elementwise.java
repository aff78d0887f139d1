package org.mnistmlp.autograd;

/** The op that applies an {@link ElementwiseFunction}: output of the input's shape, gradient through f'. */
final class Elementwise {
    private Elementwise() {}

    static Tensor apply(Tensor x, ElementwiseFunction f) {
        float[] xd = x.values();
        float[] y = TensorScope.floatsToOverwrite(xd.length);
        f.forward(xd, y, xd.length);
        return Tensor.result(f.name(), y, x.shape(), (gy, needsGrad) -> f.backward(xd, y, gy, x.gradBuffer(), xd.length), x);
    }
}
