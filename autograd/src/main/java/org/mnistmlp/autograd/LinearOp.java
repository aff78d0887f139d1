package org.mnistmlp.autograd;

/**
 * The fused affine map of a linear layer, {@code Y = X·W + b} with X batch×in, W in×out, b [out].
 * Forward starts each output row at b and accumulates the product into it (one pass over Y).
 * Backward: {@code dX = dY·Wᵀ}, {@code dW = Xᵀ·dY}, {@code db = Σ_rows dY}; each only if needed.
 */
final class LinearOp {
    private LinearOp() {}

    static Tensor apply(Tensor x, Tensor w, Tensor b) {
        Matrices.requireProduct("linear", x, w);
        int batch = x.size(0);
        int in = x.size(1);
        int out = w.size(1);
        if (b.dim() != 1 || b.size(0) != out) {
            throw new IllegalArgumentException("linear: bias of shape " + Shapes.str(b.shape())
                    + " does not match weight " + Shapes.str(w.shape()) + " (expected [" + out + "])");
        }
        float[] xd = x.values();
        float[] wd = w.values();
        float[] bias = b.values();
        float[] y = TensorScope.floatsToOverwrite(batch * out);
        for (int r = 0; r < batch; r++) {
            System.arraycopy(bias, 0, y, r * out, out);
        }
        Kernels.current().matmul(xd, wd, y, batch, in, out, true);
        return Tensor.result("linear", y, new int[] {batch, out}, (g, needsGrad) -> {
            MatMul.backward(x, xd, w, wd, g, batch, in, out, needsGrad[0], needsGrad[1]);
            if (needsGrad[2]) {
                float[] gb = b.gradBuffer();   // a bias is short: clearing it costs nothing worth saving
                for (int r = 0; r < batch; r++) {
                    for (int j = 0; j < out; j++) {
                        gb[j] += g[r * out + j];
                    }
                }
            }
        }, x, w, b);
    }
}
