package org.mnistmlp.autograd;

/** {@code C = A·B}. Backward: {@code dA = dC·Bᵀ}, {@code dB = Aᵀ·dC}, without materialising transposes. */
final class MatMul {
    private MatMul() {}

    static Tensor apply(Tensor a, Tensor b) {
        Matrices.requireProduct("matmul", a, b);
        int m = a.size(0);
        int k = a.size(1);
        int n = b.size(1);
        float[] c = TensorScope.floats(m * n);
        Kernels.current().matmul(a.data(), b.data(), c, m, k, n, false);
        return Tensor.result("matmul", c, new int[] {m, n}, g -> {
            if (a.requiresGrad()) {
                Kernels.current().matmulTransB(g, b.data(), a.gradBuffer(), m, n, k, true);
            }
            if (b.requiresGrad()) {
                Kernels.current().matmulTransA(a.data(), g, b.gradBuffer(), k, m, n, true);
            }
        }, a, b);
    }
}
