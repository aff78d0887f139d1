package org.mnistmlp.autograd;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Kernels on the Vector API ({@code jdk.incubator.vector}). Only loaded when that module is readable
 * (see {@link KernelSelection}).
 *
 * <p>All three matrix products run through one register-blocked kernel (except {@code A·B} with fewer
 * columns than a vector, below), {@code C (+)= A·B}, where A and B are read through row and column strides (so no transposed operand is ever copied whole). Each 4×4-vector
 * block of C (4 rows by 64 columns on AVX-512) lives in 16 registers while the inner dimension streams
 * by: per step, 4 broadcasts of A and 4 loads of B feed 16 fused multiply-adds. B comes in panels of 64
 * columns by 128 rows, packed into a per-thread buffer that stays in L1; for many rows and panels A is
 * packed too and 6-row blocks (24 accumulators) do most of the work. Products with fewer columns
 * than a vector give each row of C one vector in {@code A·B}, and are computed transposed in the other
 * two, as is {@code A·Bᵀ} where that moves fewer floats. Large products
 * split their rows, or their column panels when C is wide, between the worker threads. No masked vector
 * operations are used: on JDK 17 they allocate and run slower than plain loops.
 */
final class VectorKernels implements Kernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final FloatVector ONE = FloatVector.broadcast(S, 1f);
    private static final FloatVector ZERO = FloatVector.zero(S);
    /** Finishes the elements after the last whole vector. */
    private static final ScalarKernels SCALAR = new ScalarKernels();
    /**
     * Below this many multiply-adds (about 10 µs of one core's work), handing work to another thread costs
     * more than it saves: the hand-off itself takes a microsecond or two, and far longer when the other
     * thread has been descheduled on a busy machine. The small products of the last layer stay on one thread.
     */
    private static final long PARALLEL_MIN_FLOPS = 1L << 19;
    /**
     * The size of the parts {@link #parallelFor} splits into: an element-wise pass (an optimizer's update)
     * takes a quarter to one nanosecond per element, so a part is a few microseconds, worth the hand-off,
     * and short enough that a worker descheduled in the middle of one holds up little.
     */
    private static final int PARALLEL_PART_ELEMENTS = 1 << 14;
    /** Columns of a packed panel of B: the 4 vectors of a {@code block4x4}. */
    private static final int PANEL = 4 * L;
    /**
     * Rows of B packed at a time: 128 rows of a 64-float panel are 32 KiB, which stays in a 48 KiB L1
     * data cache beside the rows of A and C the block reads.
     */
    private static final int DEPTH = 128;
    /**
     * From this many rows of C and panels of B on, A too is packed, 6 rows interleaved by column, for a
     * 6-row block: the copy of A is then shared by enough panels to repay itself (fewer rows or panels
     * measured slower).
     */
    private static final int SIXES_MIN_ROWS = 192;
    private static final int SIXES_MIN_PANELS = 4;
    /** Rows of C below which a panel of B is used in place rather than packed. */
    private static final int PACK_MIN_ROWS = 64;
    /** Side of the square tiles a transpose moves at a time. */
    private static final int TILE = 16;

    private final WorkerPool pool;
    /*
     * The per-thread scratch arrays, by slot: a product's transposed result (which the gemm making it must
     * not reuse), the packed panel of B (or a narrow product's padded B), the packed columns of B after the
     * last panel, packed A, and the row vectors of a narrow product.
     */
    private static final int TRANSPOSED_RESULT = 0;
    private static final int PACKED_B = 1;
    private static final int PACKED_B_REST = 2;
    private static final int PACKED_A = 3;
    private static final int NARROW_ROWS = 4;
    private final ThreadLocal<float[][]> scratch = ThreadLocal.withInitial(() -> new float[NARROW_ROWS + 1][0]);

    VectorKernels(int threads) {
        pool = new WorkerPool(threads);
    }

    @Override
    public void close() {
        pool.close();
    }

    @Override
    public String description() {
        return "Vector API (" + S.vectorBitSize() + "-bit, " + L + " floats per vector), "
                + pool.threads() + (pool.threads() == 1 ? " thread" : " threads");
    }

    @Override
    public void parallelFor(int n, IntRangeConsumer body) {
        if (n > 0) {
            int parts = pool.threads() == 1 ? 1 : Math.max(1, n / PARALLEL_PART_ELEMENTS);
            pool.runRanges(n, parts, body);
        }
    }

    @Override
    public IdleWork startWhenIdle(int n, int piece, IntRangeConsumer body) {
        return pool.startWhenIdle(n, piece, body);
    }

    @Override
    public void matmul(float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate) {
        if (isNarrow(m, n)) {
            narrow(a, k, 1, b, n, c, m, k, n, accumulate);
        } else {
            gemm(a, k, 1, b, n, 1, c, m, k, n, accumulate);
        }
    }

    @Override
    public void matmulTransA(float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate) {
        if (isNarrow(m, n)) {   // Cᵀ = Bᵀ·A: its m columns make whole vectors, and A is read along its rows
            transposed(b, 1, n, a, m, 1, c, m, k, n, accumulate);
        } else {
            gemm(a, 1, m, b, n, 1, c, m, k, n, accumulate);
        }
    }

    @Override
    public void matmulTransB(float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate) {
        // Both ways read an operand by columns into the packed panels: Bᵀ (k·n floats), or Aᵀ for Cᵀ = B·Aᵀ,
        // which is then transposed into C (k·m + m·n floats moved): whichever moves less, or the latter when
        // C is narrow.
        if (isNarrow(m, n) || m % L == 0 && (long) k * m + (long) m * n < (long) k * n) {
            transposed(b, k, 1, a, 1, k, c, m, k, n, accumulate);
        } else {
            gemm(a, k, 1, b, 1, k, c, m, k, n, accumulate);
        }
    }

    /**
     * Products with fewer output columns than a vector holds (the 10 classes of the last layer) would
     * run on partial vectors, which the Vector API handles slowly: {@code A·B} gives each row of C a vector
     * of its own ({@link #narrow}), the other two compute Cᵀ, whose m columns make whole vectors.
     */
    private static boolean isNarrow(int m, int n) {
        return n < L && m >= L;
    }

    /**
     * {@code C (+)= A·B} for C with fewer columns than a vector (see {@link #isNarrow}), A read through strides
     * as in {@link #gemm} and B row-major, a row every {@code rsB} floats. Each row of C is one accumulator,
     * fed by a broadcast of A and a vector of B's row a step, 8 rows at a time (enough independent sums to
     * keep both multiply-add units busy); the lanes past C's n columns are computed and thrown away. B is
     * read in place, its vectors running into the next row, except the rows too close to its end for a
     * whole vector, which come from a copy. Many rows of C are split between the threads. Against
     * computing Cᵀ and transposing it (as {@link #matmulTransA} does, where A is read by columns), inside
     * a training step: 3.3 to 3.9 against 7.2 to 7.7 µs for 64×128 by 128×10, 6.6 to 7.9 against 13.5 to
     * 13.7 µs for 64×256 by 256×10.
     */
    private void narrow(float[] a, int rsA, int csA, float[] b, int rsB, float[] c, int m, int k, int n, boolean accumulate) {
        int inPlace = b.length >= L ? Math.min(k, (b.length - L) / rsB + 1) : 0;   // the rows with a whole vector left
        float[] copied = scratch(PACKED_B, (k - inPlace) * L);
        for (int p = inPlace; p < k; p++) {
            System.arraycopy(b, p * rsB, copied, (p - inPlace) * L, n);
        }
        int threads = (long) m * k * n >= PARALLEL_MIN_FLOPS ? pool.threads() : 1;
        if (threads <= 1) {
            narrowRows(a, rsA, csA, b, rsB, inPlace, copied, c, k, n, accumulate, 0, m);
            return;
        }
        int blocks = (m + 7) / 8;
        int parts = Math.min(threads, blocks);
        pool.run(parts, part -> narrowRows(a, rsA, csA, b, rsB, inPlace, copied, c, k, n, accumulate,
                Math.min(m, blocks * part / parts * 8), Math.min(m, blocks * (part + 1) / parts * 8)));
    }

    /**
     * Rows [i0, i1) of {@link #narrow}'s product, 8 at a time ({@link #block8x1}) and then one at a time:
     * B's rows below {@code inPlace} from b, a vector every {@code rsB} floats, the others from
     * {@code copied}, a vector each.
     */
    private void narrowRows(float[] a, int rsA, int csA, float[] b, int rsB, int inPlace, float[] copied, float[] c,
                            int k, int n, boolean acc, int i0, int i1) {
        float[] rows = scratch(NARROW_ROWS, 8 * L);   // the rows' sums, of which the first n lanes go to C
        for (int i = i0; i < i1; ) {
            int count = i1 - i >= 8 ? 8 : 1;
            if (count == 8) {
                block8x1(a, rsA, csA, 0, inPlace, b, 0, rsB, rows, false, i);
                block8x1(a, rsA, csA, inPlace, k - inPlace, copied, 0, L, rows, inPlace > 0, i);
            } else {   // C's row stride 0: the one row's sum lands at the start of rows
                block1x1(a, rsA, csA, 0, inPlace, b, 0, rsB, rows, 0, false, i, 0);
                block1x1(a, rsA, csA, inPlace, k - inPlace, copied, 0, L, rows, 0, inPlace > 0, i, 0);
            }
            for (int r = 0; r < count; r++) {
                int to = (i + r) * n;
                if (acc) {   // C + (A·B), the sum added at the end, as the panel kernels' transposed result was
                    for (int j = 0; j < n; j++) {
                        c[to + j] += rows[r * L + j];
                    }
                } else {
                    System.arraycopy(rows, r * L, c, to, n);
                }
            }
            i += count;
        }
    }

    /** Computes Cᵀ (n×m) = A'·B', both read through strides, then writes or adds it into C (m×n). */
    private void transposed(float[] a2, int rsA2, int csA2, float[] b2, int rsB2, int csB2, float[] c, int m, int k,
                            int n, boolean accumulate) {
        float[] ct = scratch(TRANSPOSED_RESULT, n * m);
        gemm(a2, rsA2, csA2, b2, rsB2, csB2, ct, n, k, m, false);
        transposeInParallel(ct, c, n, m, accumulate);
    }

    /** This thread's scratch array in {@code slot}, of at least {@code size} floats. */
    private float[] scratch(int slot, int size) {
        float[][] slots = scratch.get();
        if (slots[slot].length < size) {
            slots[slot] = new float[size];
        }
        return slots[slot];
    }

    /** {@code dst (+)= srcᵀ}, with the source rows split between the threads when there are many. */
    private void transposeInParallel(float[] src, float[] dst, int rows, int cols, boolean accumulate) {
        int parts = (long) rows * cols >= PARALLEL_PART_ELEMENTS ? Math.min(pool.threads(), rows / TILE) : 1;
        if (parts <= 1) {
            transposeRows(src, dst, rows, cols, accumulate, 0, rows);
            return;
        }
        int tiles = (rows + TILE - 1) / TILE;
        pool.run(parts, part -> transposeRows(src, dst, rows, cols, accumulate,
                Math.min(rows, tiles * part / parts * TILE), Math.min(rows, tiles * (part + 1) / parts * TILE)));
    }

    /** Rows [rowFrom, rowTo) of {@code dst (+)= srcᵀ}, in tiles that stay in L1 on both sides. */
    private static void transposeRows(float[] src, float[] dst, int rows, int cols, boolean accumulate, int rowFrom, int rowTo) {
        final int tile = TILE;
        for (int r0 = rowFrom; r0 < rowTo; r0 += tile) {
            int r1 = Math.min(rowTo, r0 + tile);
            for (int c0 = 0; c0 < cols; c0 += tile) {
                int c1 = Math.min(cols, c0 + tile);
                for (int r = r0; r < r1; r++) {
                    for (int c = c0; c < c1; c++) {
                        float v = src[r * cols + c];
                        dst[c * rows + r] = accumulate ? dst[c * rows + r] + v : v;
                    }
                }
            }
        }
    }

    /** {@code C (+)= A·B} with {@code A(i, p) = a[i·rsA + p·csA]} and {@code B(p, j) = b[p·rsB + j·csB]}; C is m×n. */
    private void gemm(float[] a, int rsA, int csA, float[] b, int rsB, int csB, float[] c, int m, int k, int n, boolean acc) {
        if (k == 0) {   // an empty sum: C is zero, or stays as it is
            if (!acc) {
                Arrays.fill(c, 0, m * n, 0f);
            }
            return;
        }
        int threads = (long) m * k * n >= PARALLEL_MIN_FLOPS && m >= 8 ? pool.threads() : 1;
        int panels = n / PANEL;
        if (threads <= 1) {
            gemmTile(a, rsA, csA, b, rsB, csB, c, k, n, acc, 0, m, 0, n);
        } else if (panels >= 2 * threads && m < n) {   // a wide C: each thread packs only its own panels of B
            pool.run(threads, part -> gemmTile(a, rsA, csA, b, rsB, csB, c, k, n, acc, 0, m,
                    panels * part / threads * PANEL, part == threads - 1 ? n : panels * (part + 1) / threads * PANEL));
        } else {
            int blocks = (m + 3) / 4;
            int parts = Math.min(threads, blocks);
            pool.run(parts, part -> gemmTile(a, rsA, csA, b, rsB, csB, c, k, n, acc,
                    Math.min(m, blocks * part / parts * 4), Math.min(m, blocks * (part + 1) / parts * 4), 0, n));
        }
    }

    /**
     * The block of C with rows [i0, i1) and columns [j0, j1), where j0 is a multiple of {@link #PANEL}.
     * Whole panels of {@link #PANEL} columns go {@link #DEPTH} rows of B at a time through a packed copy
     * that stays in L1 while every 4-row block of A passes over it: B's own rows are often a multiple of
     * 4 KiB apart, which maps a panel onto a few cache sets and would evict it between uses, and a B read
     * by columns (for {@code A·Bᵀ}) is transposed on the way. A row-major B under few rows of C is read
     * in place. Each element of C still sums its products in order of p, whatever the blocking.
     */
    private void gemmTile(float[] a, int rsA, int csA, float[] b, int rsB, int csB, float[] c, int k, int n,
                          boolean acc, int i0, int i1, int j0, int j1) {
        int panelEnd = j0 + (j1 - j0) / PANEL * PANEL;
        int blocked = i0 + (i1 - i0) / 4 * 4;
        if (csB == 1 && blocked - i0 < PACK_MIN_ROWS) {   // too few uses of a packed panel to repay the copy
            for (int j = j0; j < panelEnd; j += PANEL) {
                panelRows(a, rsA, csA, 0, k, b, j, rsB, c, n, acc, i0, blocked, i1, j);
            }
        } else if (panelEnd > j0) {
            // with enough rows and panels to share it, each depth block of A is packed once for all the
            // panels and 6-row blocks take the rows they can; 4-row blocks and single rows take the rest
            boolean sixRows = (panelEnd - j0) / PANEL >= SIXES_MIN_PANELS && i1 - i0 >= SIXES_MIN_ROWS;
            int sixes = sixRows ? i0 + (i1 - i0) / 6 * 6 : i0;
            int fours = sixes + (i1 - sixes) / 4 * 4;
            float[] packedB = scratch(PACKED_B, DEPTH * PANEL);
            float[] packedA = scratch(PACKED_A, (sixes - i0) * DEPTH);
            for (int p0 = 0; p0 < k; p0 += DEPTH) {
                int depth = Math.min(DEPTH, k - p0);
                boolean add = acc || p0 > 0;
                packRows(a, rsA, csA, p0, depth, i0, sixes, packedA);
                for (int j = j0; j < panelEnd; j += PANEL) {
                    pack(b, rsB, csB, p0, depth, j, PANEL, packedB);
                    for (int i = i0; i < sixes; i += 6) {
                        block6x4(packedA, (i - i0) * depth, depth, packedB, c, n, add, i, j);
                    }
                    panelRows(a, rsA, csA, p0, depth, packedB, 0, PANEL, c, n, add, sixes, fours, i1, j);
                }
            }
        }
        if (panelEnd < j1) {   // fewer than PANEL columns left
            int width = j1 - panelEnd;
            float[] rest = b;
            int restOffset = panelEnd * csB;
            int restStride = rsB;
            if (csB != 1) {
                rest = scratch(PACKED_B_REST, k * width);
                pack(b, rsB, csB, 0, k, panelEnd, width, rest);
                restOffset = 0;
                restStride = width;
            }
            int whole = j1 - width % L;
            for (int j = panelEnd; j < whole; j += L) {
                int bo = restOffset + j - panelEnd;
                for (int i = i0; i < blocked; i += 4) {
                    block4x1(a, rsA, csA, 0, k, rest, bo, restStride, c, n, acc, i, j);
                }
                for (int i = blocked; i < i1; i++) {
                    block1x1(a, rsA, csA, 0, k, rest, bo, restStride, c, n, acc, i, j);
                }
            }
            if (whole < j1) {
                scalarColumns(a, rsA, csA, k, rest, restOffset + whole - panelEnd, restStride, c, n, acc, i0, i1, whole, j1);
            }
        }
    }

    /** Copies {@code B(p0 + p, j + q)} for p &lt; depth, q &lt; width to {@code dst[p·width + q]}. */
    private static void pack(float[] b, int rsB, int csB, int p0, int depth, int j, int width, float[] dst) {
        if (csB == 1) {
            for (int p = 0; p < depth; p++) {
                System.arraycopy(b, (p0 + p) * rsB + j, dst, p * width, width);
            }
        } else {
            for (int q = 0; q < width; q++) {   // reads run along B's rows when B is read by columns
                int from = p0 * rsB + (j + q) * csB;
                for (int p = 0; p < depth; p++) {
                    dst[p * width + q] = b[from + p * rsB];
                }
            }
        }
    }

    /** Rows [i0, i1) of A (a multiple of 6), columns [p0, p0 + depth), to {@code dst}: 6 rows at a time, interleaved by column. */
    private static void packRows(float[] a, int rsA, int csA, int p0, int depth, int i0, int i1, float[] dst) {
        for (int i = i0; i < i1; i += 6) {
            int to = (i - i0) * depth;
            for (int q = 0; q < depth; q++) {
                int from = i * rsA + (p0 + q) * csA;
                for (int r = 0; r < 6; r++) {
                    dst[to + q * 6 + r] = a[from + r * rsA];
                }
            }
        }
    }

    /**
     * 6 rows by {@link #PANEL} columns from packed operands: 24 accumulators fed by 4 loads of B and 6
     * broadcasts of A a step (29 of the 32 vector registers), both read at fixed strides from p.
     */
    private static void block6x4(float[] ap, int aBase, int depth, float[] bp, float[] c, int n, boolean acc, int i, int j) {
        int c0 = i * n + j, c1 = c0 + n, c2 = c1 + n, c3 = c2 + n, c4 = c3 + n, c5 = c4 + n;
        FloatVector r00 = start(c, c0, acc), r01 = start(c, c0 + L, acc), r02 = start(c, c0 + 2 * L, acc), r03 = start(c, c0 + 3 * L, acc);
        FloatVector r10 = start(c, c1, acc), r11 = start(c, c1 + L, acc), r12 = start(c, c1 + 2 * L, acc), r13 = start(c, c1 + 3 * L, acc);
        FloatVector r20 = start(c, c2, acc), r21 = start(c, c2 + L, acc), r22 = start(c, c2 + 2 * L, acc), r23 = start(c, c2 + 3 * L, acc);
        FloatVector r30 = start(c, c3, acc), r31 = start(c, c3 + L, acc), r32 = start(c, c3 + 2 * L, acc), r33 = start(c, c3 + 3 * L, acc);
        FloatVector r40 = start(c, c4, acc), r41 = start(c, c4 + L, acc), r42 = start(c, c4 + 2 * L, acc), r43 = start(c, c4 + 3 * L, acc);
        FloatVector r50 = start(c, c5, acc), r51 = start(c, c5 + L, acc), r52 = start(c, c5 + 2 * L, acc), r53 = start(c, c5 + 3 * L, acc);
        for (int p = 0; p < depth; p++) {
            int bo = p * PANEL;
            int ao = aBase + p * 6;
            FloatVector b0 = FloatVector.fromArray(S, bp, bo);
            FloatVector b1 = FloatVector.fromArray(S, bp, bo + L);
            FloatVector b2 = FloatVector.fromArray(S, bp, bo + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, bp, bo + 3 * L);
            FloatVector x = FloatVector.broadcast(S, ap[ao]);
            r00 = x.fma(b0, r00); r01 = x.fma(b1, r01); r02 = x.fma(b2, r02); r03 = x.fma(b3, r03);
            x = FloatVector.broadcast(S, ap[ao + 1]);
            r10 = x.fma(b0, r10); r11 = x.fma(b1, r11); r12 = x.fma(b2, r12); r13 = x.fma(b3, r13);
            x = FloatVector.broadcast(S, ap[ao + 2]);
            r20 = x.fma(b0, r20); r21 = x.fma(b1, r21); r22 = x.fma(b2, r22); r23 = x.fma(b3, r23);
            x = FloatVector.broadcast(S, ap[ao + 3]);
            r30 = x.fma(b0, r30); r31 = x.fma(b1, r31); r32 = x.fma(b2, r32); r33 = x.fma(b3, r33);
            x = FloatVector.broadcast(S, ap[ao + 4]);
            r40 = x.fma(b0, r40); r41 = x.fma(b1, r41); r42 = x.fma(b2, r42); r43 = x.fma(b3, r43);
            x = FloatVector.broadcast(S, ap[ao + 5]);
            r50 = x.fma(b0, r50); r51 = x.fma(b1, r51); r52 = x.fma(b2, r52); r53 = x.fma(b3, r53);
        }
        r00.intoArray(c, c0); r01.intoArray(c, c0 + L); r02.intoArray(c, c0 + 2 * L); r03.intoArray(c, c0 + 3 * L);
        r10.intoArray(c, c1); r11.intoArray(c, c1 + L); r12.intoArray(c, c1 + 2 * L); r13.intoArray(c, c1 + 3 * L);
        r20.intoArray(c, c2); r21.intoArray(c, c2 + L); r22.intoArray(c, c2 + 2 * L); r23.intoArray(c, c2 + 3 * L);
        r30.intoArray(c, c3); r31.intoArray(c, c3 + L); r32.intoArray(c, c3 + 2 * L); r33.intoArray(c, c3 + 3 * L);
        r40.intoArray(c, c4); r41.intoArray(c, c4 + L); r42.intoArray(c, c4 + 2 * L); r43.intoArray(c, c4 + 3 * L);
        r50.intoArray(c, c5); r51.intoArray(c, c5 + L); r52.intoArray(c, c5 + 2 * L); r53.intoArray(c, c5 + 3 * L);
    }

    /**
     * The {@link #PANEL} columns from j of rows [i0, i1) of C over the products p0 ≤ p &lt; p0 + depth, where
     * row p of the panel of B starts at {@code b[bo + (p − p0)·bStride]}: 4-row blocks up to {@code blocked},
     * then single rows.
     */
    private static void panelRows(float[] a, int rsA, int csA, int p0, int depth, float[] b, int bo, int bStride,
                                  float[] c, int n, boolean acc, int i0, int blocked, int i1, int j) {
        for (int i = i0; i < blocked; i += 4) {
            block4x4(a, rsA, csA, p0, depth, b, bo, bStride, c, n, acc, i, j);
        }
        for (int i = blocked; i < i1; i++) {
            block1x4(a, rsA, csA, p0, depth, b, bo, bStride, c, n, acc, i, j);
        }
    }

    private static FloatVector start(float[] c, int off, boolean acc) {
        return acc ? FloatVector.fromArray(S, c, off) : FloatVector.zero(S);
    }

    /*
     * The blocks below compute C(i.., j..) (+)= Σ A(i, p)·B(p, j..) over p0 ≤ p < p0 + depth, where row p of
     * B's columns j.. starts at b[bo + (p − p0)·bStride]: in B itself or in a packed copy.
     */

    /** 4 rows by {@link #PANEL} columns: 16 accumulators, fed by 4 loads of B and 4 broadcasts of A a step. */
    private static void block4x4(float[] a, int rsA, int csA, int p0, int depth, float[] b, int bo0, int bStride,
                                 float[] c, int n, boolean acc, int i, int j) {
        int c0 = i * n + j, c1 = c0 + n, c2 = c1 + n, c3 = c2 + n;
        FloatVector r00 = start(c, c0, acc), r01 = start(c, c0 + L, acc), r02 = start(c, c0 + 2 * L, acc), r03 = start(c, c0 + 3 * L, acc);
        FloatVector r10 = start(c, c1, acc), r11 = start(c, c1 + L, acc), r12 = start(c, c1 + 2 * L, acc), r13 = start(c, c1 + 3 * L, acc);
        FloatVector r20 = start(c, c2, acc), r21 = start(c, c2 + L, acc), r22 = start(c, c2 + 2 * L, acc), r23 = start(c, c2 + 3 * L, acc);
        FloatVector r30 = start(c, c3, acc), r31 = start(c, c3 + L, acc), r32 = start(c, c3 + 2 * L, acc), r33 = start(c, c3 + 3 * L, acc);
        int a0 = i * rsA + p0 * csA, a1 = a0 + rsA, a2 = a1 + rsA, a3 = a2 + rsA;
        for (int p = 0, bo = bo0, ao = 0; p < depth; p++, bo += bStride, ao += csA) {
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

    /** One row by {@link #PANEL} columns: 4 independent sums, so that no multiply-add waits for the one before. */
    private static void block1x4(float[] a, int rsA, int csA, int p0, int depth, float[] b, int bo0, int bStride,
                                 float[] c, int n, boolean acc, int i, int j) {
        int c0 = i * n + j;
        FloatVector r0 = start(c, c0, acc), r1 = start(c, c0 + L, acc), r2 = start(c, c0 + 2 * L, acc), r3 = start(c, c0 + 3 * L, acc);
        int a0 = i * rsA + p0 * csA;
        for (int p = 0, bo = bo0, ao = 0; p < depth; p++, bo += bStride, ao += csA) {
            FloatVector x = FloatVector.broadcast(S, a[a0 + ao]);
            r0 = x.fma(FloatVector.fromArray(S, b, bo), r0);
            r1 = x.fma(FloatVector.fromArray(S, b, bo + L), r1);
            r2 = x.fma(FloatVector.fromArray(S, b, bo + 2 * L), r2);
            r3 = x.fma(FloatVector.fromArray(S, b, bo + 3 * L), r3);
        }
        r0.intoArray(c, c0); r1.intoArray(c, c0 + L); r2.intoArray(c, c0 + 2 * L); r3.intoArray(c, c0 + 3 * L);
    }

    /** 4 rows by one vector of columns. */
    private static void block4x1(float[] a, int rsA, int csA, int p0, int depth, float[] b, int bo0, int bStride,
                                 float[] c, int n, boolean acc, int i, int j) {
        int c0 = i * n + j, c1 = c0 + n, c2 = c1 + n, c3 = c2 + n;
        FloatVector r0 = start(c, c0, acc), r1 = start(c, c1, acc), r2 = start(c, c2, acc), r3 = start(c, c3, acc);
        int a0 = i * rsA + p0 * csA, a1 = a0 + rsA, a2 = a1 + rsA, a3 = a2 + rsA;
        for (int p = 0, bo = bo0, ao = 0; p < depth; p++, bo += bStride, ao += csA) {
            FloatVector bv = FloatVector.fromArray(S, b, bo);
            r0 = FloatVector.broadcast(S, a[a0 + ao]).fma(bv, r0);
            r1 = FloatVector.broadcast(S, a[a1 + ao]).fma(bv, r1);
            r2 = FloatVector.broadcast(S, a[a2 + ao]).fma(bv, r2);
            r3 = FloatVector.broadcast(S, a[a3 + ao]).fma(bv, r3);
        }
        r0.intoArray(c, c0); r1.intoArray(c, c1); r2.intoArray(c, c2); r3.intoArray(c, c3);
    }

    /**
     * 8 rows by one vector of columns, into {@code rows}, one vector a row (for {@link #narrow}): 8
     * independent sums keep both multiply-add units busy where 4 would wait on each one's latency.
     */
    private static void block8x1(float[] a, int rsA, int csA, int p0, int depth, float[] b, int bo0, int bStride,
                                 float[] rows, boolean acc, int i) {
        FloatVector r0 = start(rows, 0, acc), r1 = start(rows, L, acc), r2 = start(rows, 2 * L, acc), r3 = start(rows, 3 * L, acc);
        FloatVector r4 = start(rows, 4 * L, acc), r5 = start(rows, 5 * L, acc), r6 = start(rows, 6 * L, acc), r7 = start(rows, 7 * L, acc);
        int a0 = i * rsA + p0 * csA;
        for (int p = 0, bo = bo0, ao = a0; p < depth; p++, bo += bStride, ao += csA) {
            FloatVector v = FloatVector.fromArray(S, b, bo);
            r0 = FloatVector.broadcast(S, a[ao]).fma(v, r0);
            r1 = FloatVector.broadcast(S, a[ao + rsA]).fma(v, r1);
            r2 = FloatVector.broadcast(S, a[ao + 2 * rsA]).fma(v, r2);
            r3 = FloatVector.broadcast(S, a[ao + 3 * rsA]).fma(v, r3);
            r4 = FloatVector.broadcast(S, a[ao + 4 * rsA]).fma(v, r4);
            r5 = FloatVector.broadcast(S, a[ao + 5 * rsA]).fma(v, r5);
            r6 = FloatVector.broadcast(S, a[ao + 6 * rsA]).fma(v, r6);
            r7 = FloatVector.broadcast(S, a[ao + 7 * rsA]).fma(v, r7);
        }
        r0.intoArray(rows, 0); r1.intoArray(rows, L); r2.intoArray(rows, 2 * L); r3.intoArray(rows, 3 * L);
        r4.intoArray(rows, 4 * L); r5.intoArray(rows, 5 * L); r6.intoArray(rows, 6 * L); r7.intoArray(rows, 7 * L);
    }

    /** One row by one vector of columns. */
    private static void block1x1(float[] a, int rsA, int csA, int p0, int depth, float[] b, int bo0, int bStride,
                                 float[] c, int n, boolean acc, int i, int j) {
        int c0 = i * n + j;
        FloatVector r = start(c, c0, acc);
        int a0 = i * rsA + p0 * csA;
        for (int p = 0, bo = bo0, ao = 0; p < depth; p++, bo += bStride, ao += csA) {
            r = FloatVector.broadcast(S, a[a0 + ao]).fma(FloatVector.fromArray(S, b, bo), r);
        }
        r.intoArray(c, c0);
    }

    /**
     * Columns [from, to) of rows [i0, i1), fewer than a vector, where {@code B(p, from)} is at
     * {@code b[bo + p·bStride]}: plain loops (masked vectors are slow).
     */
    private static void scalarColumns(float[] a, int rsA, int csA, int k, float[] b, int bo, int bStride, float[] c, int n,
                                      boolean acc, int i0, int i1, int from, int to) {
        for (int i = i0; i < i1; i++) {
            int ci = i * n;
            if (!acc) {
                Arrays.fill(c, ci + from, ci + to, 0f);
            }
            for (int p = 0; p < k; p++) {
                float aip = a[i * rsA + p * csA];
                int bp = bo + p * bStride - from;
                for (int j = from; j < to; j++) {
                    c[ci + j] += aip * b[bp + j];
                }
            }
        }
    }

    /** {@link Activation}'s formulas, lane-wise; the elements after the last whole vector use the definition itself. */
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
                case RELU -> ZERO.blend(ONE, FloatVector.fromArray(S, x, i).compare(VectorOperators.GT, 0f));   // 0 at NaN
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
