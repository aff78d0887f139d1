package org.mnistmlp.benchmarks;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.mnistmlp.autograd.Kernels;
import org.mnistmlp.autograd.ScalarKernels;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The three matrix products of a 784-128 layer at batch 64. Each invocation counts its floating-point
 * operations (2·m·k·n), so the reported throughput in ops/s is FLOP/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class MatmulBenchmark {
    private static final int BATCH = 64;
    private static final int IN = 784;
    private static final int OUT = 128;
    private static final int FLOPS = 2 * BATCH * IN * OUT;

    /** vector2 and vector1: Vector API on 2 or 1 threads; scalar: the plain-Java fallback. */
    @Param({"vector2", "vector1", "scalar"})
    public String kernels;

    private Kernels k;
    private final float[] x = random(BATCH * IN);       // activations, batch × in
    private final float[] w = random(IN * OUT);        // weights, in × out
    private final float[] dy = random(BATCH * OUT);     // upstream gradient, batch × out
    private final float[] y = new float[BATCH * OUT];
    private final float[] dw = new float[IN * OUT];
    private final float[] dx = new float[BATCH * IN];

    @Setup
    public void setUp() {
        k = switch (kernels) {
            case "vector2" -> Kernels.best(2);
            case "vector1" -> Kernels.best(1);
            default -> new ScalarKernels();
        };
    }

    @TearDown
    public void tearDown() {
        k.close();
    }

    /** Forward: Y = X·W, 64×784 · 784×128. */
    @Benchmark
    @OperationsPerInvocation(FLOPS)
    public float[] forwardXW() {
        k.matmul(x, w, y, BATCH, IN, OUT, false);
        return y;
    }

    /** Weight gradient: dW = Xᵀ·dY, 784×64 · 64×128. */
    @Benchmark
    @OperationsPerInvocation(FLOPS)
    public float[] weightGradXtDY() {
        k.matmulTransA(x, dy, dw, IN, BATCH, OUT, false);
        return dw;
    }

    /** Input gradient: dX = dY·Wᵀ, 64×128 · 128×784. */
    @Benchmark
    @OperationsPerInvocation(FLOPS)
    public float[] inputGradDYWt() {
        k.matmulTransB(dy, w, dx, BATCH, OUT, IN, false);
        return dx;
    }

    private static float[] random(int n) {
        Random r = new Random(n);
        float[] d = new float[n];
        for (int i = 0; i < n; i++) {
            d[i] = (float) r.nextGaussian();
        }
        return d;
    }
}
