package org.mnistmlp.autograd;

/** {@code C = A·B}. Backward: {@code dA = dC·Bᵀ}, {@code dB = Aᵀ·dC}, without materialising transposes. */
final class MatMul {
    private MatMul() {}

    static Tensor apply(Tensor a, Tensor b) {
        Matrices.requireProduct("matmul", a, b);
        int m = a.size(0);
        int k = a.size(1);
        int n = b.size(1);
        float[] ad = a.values();
        float[] bd = b.values();
        float[] c = TensorScope.floatsToOverwrite(m * n);
        Kernels.current().matmul(ad, bd, c, m, k, n, false);
        return Tensor.result("matmul", c, new int[] {m, n}, (g, needsGrad) -> backward(a, ad, b, bd, g, m, k, n, needsGrad[0], needsGrad[1]), a, b);
    }

    /**
     * {@code dA = dC·Bᵀ} and {@code dB = Aᵀ·dC} for {@code C = A·B} (A m×k with values ad, B k×n with values
     * bd), each only if wanted; shared with {@link LinearOp}. A zero gradient is written rather than added
     * to, so it needs no clearing first.
     */
    static void backward(Tensor a, float[] ad, Tensor b, float[] bd, float[] g, int m, int k, int n,
                         boolean wantA, boolean wantB) {
        if (wantA) {
            a.writeOrAddGrad((ga, add) -> Kernels.current().matmulTransB(g, bd, ga, m, n, k, add));
        }
        if (wantB) {
            b.writeOrAddGrad((gb, add) -> Kernels.current().matmulTransA(ad, g, gb, k, m, n, add));
        }
    }
}
