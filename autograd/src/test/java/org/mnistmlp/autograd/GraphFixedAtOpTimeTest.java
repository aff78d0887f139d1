package org.mnistmlp.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The graph is fixed when an op runs: switching {@code requiresGrad} on a leaf afterwards changes no
 * gradient of that graph, through any op.
 */
class GraphFixedAtOpTimeTest {

    /** Each op applied to a (the leaf that is switched) and w (a parameter that always needs a gradient). */
    static Map<String, BiFunction<Tensor, Tensor, Tensor>> ops() {
        return Map.ofEntries(
                Map.entry("mul", Tensor::mul),
                Map.entry("add", (a, w) -> w.add(a)),
                Map.entry("div", (a, w) -> w.div(a)),
                Map.entry("matmul", Tensor::matmul),
                Map.entry("linear", (a, w) -> a.linear(w, w.sum(0))),
                Map.entry("relu", (a, w) -> a.relu().mul(w)),
                Map.entry("sum", (a, w) -> a.sum().mul(w)),
                Map.entry("sum(axis)", (a, w) -> a.sum(0).mul(w)),
                Map.entry("reshape", (a, w) -> a.reshape(4).reshape(2, 2).mul(w)),
                Map.entry("transpose", (a, w) -> a.transpose().mul(w)),
                Map.entry("softmax", (a, w) -> a.softmax().mul(w)),
                Map.entry("logSoftmax", (a, w) -> a.logSoftmax().mul(w)),
                Map.entry("crossEntropy", (a, w) -> a.crossEntropy(new int[] {1, 0}).mul(w)));
    }

    static Iterable<String> names() {
        return new java.util.TreeSet<>(ops().keySet());
    }

    private static Tensor a() {
        return Tensor.of(new float[] {0.5f, -1.5f, 2f, 1f}, 2, 2);
    }

    private static Tensor w() {
        return Tensor.of(new float[] {1f, 2f, -1f, 0.5f}, 2, 2).requiresGrad(true);
    }

    @ParameterizedTest
    @MethodSource("names")
    void switchedOnAfterTheOpGetsNoGradient(String op) {
        Tensor a = a();
        Tensor w = w();
        Tensor loss = ops().get(op).apply(a, w).sum();
        a.requiresGrad(true);
        loss.backward();
        assertNull(a.grad(), op);
        assertNotNull(w.grad(), op);
    }

    @ParameterizedTest
    @MethodSource("names")
    void switchedOffAfterTheOpStillGetsItsGradient(String op) {
        Tensor kept = a().requiresGrad(true);
        ops().get(op).apply(kept, w()).sum().backward();

        Tensor a = a().requiresGrad(true);
        Tensor loss = ops().get(op).apply(a, w()).sum();
        a.requiresGrad(false);
        loss.backward();
        assertNotNull(a.grad(), op);
        assertArrayEquals(kept.grad().toArray(), a.grad().toArray(), op);
    }
}
