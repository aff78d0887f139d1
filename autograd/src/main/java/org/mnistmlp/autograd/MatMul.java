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
        return Tensor.result("matmul", c, new int[] {m, n}, (g, needsGrad) -> {
            // a zero gradient is written rather than added to, so it needs no clearing first
            if (needsGrad[0]) {
                boolean add = !a.gradIsZero();
                Kernels.current().matmulTransB(g, bd, a.gradStorage(add), m, n, k, add);
            }
            if (needsGrad[1]) {
                boolean add = !b.gradIsZero();
                Kernels.current().matmulTransA(ad, g, b.gradStorage(add), k, m, n, add);
            }
        }, a, b);
    }
}
