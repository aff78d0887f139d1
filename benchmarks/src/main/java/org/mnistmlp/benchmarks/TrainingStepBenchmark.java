package org.mnistmlp.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.mnistmlp.autograd.Kernels;
import org.mnistmlp.autograd.Tensor;
import org.mnistmlp.autograd.TensorScope;
import org.mnistmlp.nn.Init;
import org.mnistmlp.nn.Mlp;
import org.mnistmlp.nn.SGD;
import org.mnistmlp.nn.Sequential;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One SGD step of the peer benchmark's network (784-128-10, ReLU, batch 64) as the trainer runs it,
 * inside a {@link TensorScope}, and the same step without the optimizer: the difference is what the
 * separate SGD pass over the parameters costs, the most that folding the update into the weight-gradient
 * products could save. {@code -p hidden=512-256} for the default model. Run with {@code -prof gc} to see
 * the allocation per step.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-XX:+UseSerialGC"})
public class TrainingStepBenchmark {
    /** The hidden layer widths, separated by dashes (JMH splits parameter lists at commas). */
    @Param({"128"})
    public String hidden;

    @Param({"64"})
    public int batch;

    private Sequential model;
    private SGD sgd;
    private Tensor images;
    private int[] labels;

    @Setup
    public void setUp() {
        Kernels.useBest(2);
        List<Integer> sizes = new ArrayList<>();
        sizes.add(784);
        for (String width : hidden.split("-")) {
            sizes.add(Integer.parseInt(width.trim()));
        }
        sizes.add(10);
        model = Mlp.of(sizes, "relu", Init.DEFAULT, 0);
        sgd = new SGD(model.parameters(), 0.01);
        Random r = new Random(1);
        float[] x = new float[batch * 784];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        images = Tensor.of(x, batch, 784);
        labels = r.ints(batch, 0, 10).toArray();
    }

    @Benchmark
    public float step() {
        try (TensorScope ignored = TensorScope.open()) {
            sgd.zeroGrad();
            Tensor loss = model.forward(images).crossEntropy(labels);
            loss.backward();
            sgd.step();
            return loss.item();
        }
    }

    /** The same step without {@code sgd.step()}: the weights stay put, so every call does the same work. */
    @Benchmark
    public float forwardAndBackward() {
        try (TensorScope ignored = TensorScope.open()) {
            sgd.zeroGrad();
            Tensor loss = model.forward(images).crossEntropy(labels);
            loss.backward();
            return loss.item();
        }
    }
}
