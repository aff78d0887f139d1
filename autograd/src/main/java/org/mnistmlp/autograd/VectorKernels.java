package org.mnistmlp.autograd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Kernels on the Vector API ({@code jdk.incubator.vector}). Only loaded when that module is readable
 * (see {@link KernelSelection}).
 *
 * <p>All three matrix products run through one register-blocked kernel, {@code C (+)= A·B}, where A is
 * read through row and column strides (so {@code Aᵀ·B} needs no copy) and B is row-major. Each 4×4-vector
 * block of C (4 rows by 64 columns on AVX-512) lives in 16 registers while the inner dimension streams
 * by: per step, 4 broadcasts of A and 4 loads of B feed 16 fused multiply-adds. {@code A·Bᵀ} first packs
 * Bᵀ into a reused per-thread buffer. Large products split their rows between the worker threads.
 */
final class VectorKernels implements Kernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final FloatVector ONE = FloatVector.broadcast(S, 1f);
    /** Finishes the elements after the last whole vector. */
    private static final ScalarKernels SCALAR = new ScalarKernels();
    /** Below this many multiply-adds, handing work to another thread costs more than it saves. */
    private static final long PARALLEL_MIN_FLOPS = 1L << 16;

    private final WorkerPool pool;
    private final ThreadLocal<float[][]> packBuffer = ThreadLocal.withInitial(() -> new float[1][0]);

    VectorKernels(int threads) {
        pool = new WorkerPool(threads);
    }

    @Override
    public String description() {
        return "Vector API (" + S.vectorBitSize() + "-bit, " + L + " floats per vector), "
                + pool.threads() + (pool.threads() == 1 ? " thread" : " threads");
    }

    @Override
    public void matmul(float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate) {
        gemm(a, k, 1, b, c, m, k, n, accumulate);
    }

    @Override
    public void matmulTransA(float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate) {
        gemm(a, 1, m, b, c, m, k, n, accumulate);
    }

    @Override
    public void matmulTransB(float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate) {
        float[][] holder = packBuffer.get();
        if (holder[0].length < k * n) {
            holder[0] = new float[k * n];
        }
        float[] bt = holder[0];
        transpose(b, bt, n, k);
        gemm(a, k, 1, bt, c, m, k, n, accumulate);
    }

    /** {@code dst = srcᵀ} for a rows×cols src, in tiles that stay in L1 on both sides. */
    private static void transpose(float[] src, float[] dst, int rows, int cols) {
        final int tile = 32;
        for (int r0 = 0; r0 < rows; r0 += tile) {
            int r1 = Math.min(rows, r0 + tile);
            for (int c0 = 0; c0 < cols; c0 += tile) {
                int c1 = Math.min(cols, c0 + tile);
                for (int r = r0; r < r1; r++) {
                    for (int c = c0; c < c1; c++) {
                        dst[c * rows + r] = src[r * cols + c];
                    }
                }
            }
        }
    }

    private void gemm(float[] a, int rsA, int csA, float[] b, float[] c, int m, int k, int n, boolean acc) {
        int parts = (long) m * k * n >= PARALLEL_MIN_FLOPS && m >= 8 ? Math.min(pool.threads(), m / 4) : 1;
        if (parts <= 1) {
            gemmRows(a, rsA, csA, b, c, k, n, acc, 0, m);
            return;
        }
        int blocks = (m + 3) / 4;
        pool.run(parts, part -> {
            int from = Math.min(m, blocks * part / parts * 4);
            int to = Math.min(m, blocks * (part + 1) / parts * 4);
            gemmRows(a, rsA, csA, b, c, k, n, acc, from, to);
        });
    }

    private static void gemmRows(float[] a, int rsA, int csA, float[] b, float[] c, int k, int n, boolean acc, int i0, int i1) {
        int i = i0;
        for (; i + 4 <= i1; i += 4) {
            int j = 0;
            for (; j + 4 * L <= n; j += 4 * L) {
                block4x4(a, rsA, csA, b, c, k, n, acc, i, j);
            }
            for (; j < n; j += L) {
                block4x1(a, rsA, csA, b, c, k, n, acc, i, j, S.indexInRange(j, n));
            }
        }
        for (; i < i1; i++) {
            for (int j = 0; j < n; j += L) {
                block1x1(a, rsA, csA, b, c, k, n, acc, i, j, S.indexInRange(j, n));
            }
        }
    }

    private static FloatVector start(float[] c, int off, boolean acc) {
        return acc ? FloatVector.fromArray(S, c, off) : FloatVector.zero(S);
    }

    private static void block4x4(float[] a, int rsA, int csA, float[] b, float[] c, int k, int n, boolean acc, int i, int j) {
        int c0 = i * n + j, c1 = c0 + n, c2 = c1 + n, c3 = c2 + n;
        FloatVector r00 = start(c, c0, acc), r01 = start(c, c0 + L, acc), r02 = start(c, c0 + 2 * L, acc), r03 = start(c, c0 + 3 * L, acc);
        FloatVector r10 = start(c, c1, acc), r11 = start(c, c1 + L, acc), r12 = start(c, c1 + 2 * L, acc), r13 = start(c, c1 + 3 * L, acc);
        FloatVector r20 = start(c, c2, acc), r21 = start(c, c2 + L, acc), r22 = start(c, c2 + 2 * L, acc), r23 = start(c, c2 + 3 * L, acc);
        FloatVector r30 = start(c, c3, acc), r31 = start(c, c3 + L, acc), r32 = start(c, c3 + 2 * L, acc), r33 = start(c, c3 + 3 * L, acc);
        int a0 = i * rsA, a1 = a0 + rsA, a2 = a1 + rsA, a3 = a2 + rsA;
        for (int p = 0, bo = j, ao = 0; p < k; p++, bo += n, ao += csA) {
            FloatVector b0 = FloatVector.fromArray(S, b, bo);
            FloatVector b1 = FloatVector.fromArray(S, b, bo + L);
            FloatVector b2 = FloatVector.fromArray(S, b, bo + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, b, bo + 3 * L);
            FloatVector x = FloatVector.broadcast(S, a[a0 + ao]);
            r00 = x.fma(b0, r00); r01 = x.fma(b1, r01); r02 = x.fma(b2, r02); r03 = x.fma(b3, r03);
            x = FloatVector.broadcast(S, a[a1 + ao]);
            r10 = x.fma(b0, r10); r11 = x.fma(b1, r11); r12 = x.fma(b2, r12); r13 = x.fma(b3, r13);
            x = FloatVector.broadcast(S, a[a2 + ao]);
            r20 = x.fma(b0, r20); r21 = x.fma(b1, r21); r22 = x.fma(b2, r22); r23 = x.fma(b3, r23);
            x = FloatVector.broadcast(S, a[a3 + ao]);
            r30 = x.fma(b0, r30); r31 = x.fma(b1, r31); r32 = x.fma(b2, r32); r33 = x.fma(b3, r33);
        }
        r00.intoArray(c, c0); r01.intoArray(c, c0 + L); r02.intoArray(c, c0 + 2 * L); r03.intoArray(c, c0 + 3 * L);
        r10.intoArray(c, c1); r11.intoArray(c, c1 + L); r12.intoArray(c, c1 + 2 * L); r13.intoArray(c, c1 + 3 * L);
        r20.intoArray(c, c2); r21.intoArray(c, c2 + L); r22.intoArray(c, c2 + 2 * L); r23.intoArray(c, c2 + 3 * L);
        r30.intoArray(c, c3); r31.intoArray(c, c3 + L); r32.intoArray(c, c3 + 2 * L); r33.intoArray(c, c3 + 3 * L);
    }

    /**
     * Four rows by one vector of columns. The last vector of a row may be partial; masked memory access
     * is slow, so whole vectors take the unmasked path.
     */
    private static void block4x1(float[] a, int rsA, int csA, float[] b, float[] c, int k, int n, boolean acc, int i, int j,
                                 VectorMask<Float> mask) {
        boolean whole = mask.allTrue();
        int c0 = i * n + j, c1 = c0 + n, c2 = c1 + n, c3 = c2 + n;
        FloatVector r0 = start(c, c0, acc, mask), r1 = start(c, c1, acc, mask), r2 = start(c, c2, acc, mask), r3 = start(c, c3, acc, mask);
        int a0 = i * rsA, a1 = a0 + rsA, a2 = a1 + rsA, a3 = a2 + rsA;
        for (int p = 0, bo = j, ao = 0; p < k; p++, bo += n, ao += csA) {
            FloatVector bv = whole ? FloatVector.fromArray(S, b, bo) : FloatVector.fromArray(S, b, bo, mask);
            r0 = FloatVector.broadcast(S, a[a0 + ao]).fma(bv, r0);
            r1 = FloatVector.broadcast(S, a[a1 + ao]).fma(bv, r1);
            r2 = FloatVector.broadcast(S, a[a2 + ao]).fma(bv, r2);
            r3 = FloatVector.broadcast(S, a[a3 + ao]).fma(bv, r3);
        }
        store(r0, c, c0, mask); store(r1, c, c1, mask); store(r2, c, c2, mask); store(r3, c, c3, mask);
    }

    private static void block1x1(float[] a, int rsA, int csA, float[] b, float[] c, int k, int n, boolean acc, int i, int j,
                                 VectorMask<Float> mask) {
        boolean whole = mask.allTrue();
        int c0 = i * n + j;
        FloatVector r = start(c, c0, acc, mask);
        int a0 = i * rsA;
        for (int p = 0, bo = j, ao = 0; p < k; p++, bo += n, ao += csA) {
            FloatVector bv = whole ? FloatVector.fromArray(S, b, bo) : FloatVector.fromArray(S, b, bo, mask);
            r = FloatVector.broadcast(S, a[a0 + ao]).fma(bv, r);
        }
        store(r, c, c0, mask);
    }

    private static FloatVector start(float[] c, int off, boolean acc, VectorMask<Float> mask) {
        if (!acc) {
            return FloatVector.zero(S);
        }
        return mask.allTrue() ? FloatVector.fromArray(S, c, off) : FloatVector.fromArray(S, c, off, mask);
    }

    private static void store(FloatVector v, float[] c, int off, VectorMask<Float> mask) {
        if (mask.allTrue()) {
            v.intoArray(c, off);
        } else {
            v.intoArray(c, off, mask);
        }
    }

    @Override
    public void activate(Activation f, float[] x, float[] y, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector v = FloatVector.fromArray(S, x, i);
            FloatVector out = switch (f) {
                case RELU -> v.max(0f);
                case SIGMOID -> sigmoid(v);
                case TANH -> v.lanewise(VectorOperators.TANH);
                case SILU -> v.mul(sigmoid(v));
            };
            out.intoArray(y, i);
        }
        SCALAR.activateRange(f, x, y, i, n);
    }

    @Override
    public void activateBackward(Activation f, float[] x, float[] y, float[] gy, float[] gx, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector g = FloatVector.fromArray(S, gy, i);
            FloatVector slope = switch (f) {
                case RELU -> ONE.blend(0f, FloatVector.fromArray(S, x, i).compare(VectorOperators.LE, 0f));
                case SIGMOID -> {
                    FloatVector s = FloatVector.fromArray(S, y, i);
                    yield s.mul(s.neg().add(1f));
                }
                case TANH -> {
                    FloatVector t = FloatVector.fromArray(S, y, i);
                    yield t.mul(t).neg().add(1f);
                }
                case SILU -> {
                    FloatVector v = FloatVector.fromArray(S, x, i);
                    FloatVector s = sigmoid(v);
                    yield s.mul(v.mul(s.neg().add(1f)).add(1f));
                }
            };
            g.fma(slope, FloatVector.fromArray(S, gx, i)).intoArray(gx, i);
        }
        SCALAR.activateBackwardRange(f, x, y, gy, gx, i, n);
    }

    private static FloatVector sigmoid(FloatVector v) {
        return ONE.div(v.neg().lanewise(VectorOperators.EXP).add(1f));
    }
}
