package org.mnistmlp.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** A tensor whose storage a closed TensorScope recycled is refused, whatever it is used for. */
class RecycledTensorTest {
    private final Tensor x = Tensor.of(new float[] {1f, 2f, 3f, 4f}, 2, 2);
    private final Tensor w = Tensor.of(new float[] {1f, -1f, 2f, 0.5f}, 2, 2).requiresGrad(true);

    private static void assertRefused(Executable use) {
        IllegalStateException e = assertThrows(IllegalStateException.class, use);
        assertTrue(e.getMessage().contains("TensorScope that has closed")
                && e.getMessage().contains("only inside the scope that made it"), e.getMessage());
    }

    /** Makes a tensor with {@code make} in a scope, closes it, then runs a step that reuses its storage. */
    private Tensor madeInAClosedScope(java.util.function.Supplier<Tensor> make) {
        Tensor t;
        try (TensorScope step = TensorScope.open()) {
            t = make.get();
        }
        try (TensorScope next = TensorScope.open()) {
            x.mul(-3f).matmul(w).relu().sum();
        }
        return t;
    }

    @Test
    void backwardAfterTheScopeClosedIsRefusedAndWritesNoGradient() {
        // Before the check, this backward ran on the next step's values and wrote [4, 4, -6, -6].
        Tensor loss = madeInAClosedScope(() -> x.matmul(w).relu().sum());
        assertRefused(loss::backward);
        assertNull(w.grad());
    }

    @Test
    void everyUseOfARecycledTensorIsRefused() {
        Tensor h = madeInAClosedScope(() -> x.matmul(w).relu());
        for (Consumer<Tensor> use : java.util.List.<Consumer<Tensor>>of(
                Tensor::data, Tensor::toArray, t -> t.get(0, 0), t -> t.set(1f, 0, 0), t -> t.copyFrom(new float[4]),
                Tensor::grad, Tensor::zeroGrad, Tensor::detach, t -> t.backward(Tensor.zeros(2, 2)),
                Tensor::relu, t -> t.add(x), t -> x.add(t), t -> x.matmul(t), Tensor::sum, t -> t.reshape(4))) {
            assertRefused(() -> use.accept(h));
        }
        assertRefused(madeInAClosedScope(() -> x.matmul(w).sum())::item);
        assertTrue(h.toString().contains("recycled"), "toString still works, for debuggers: " + h);
        assertArrayEquals(new int[] {2, 2}, h.shape(), "the shape is still known");
    }

    @Test
    void intermediateGradientsAndDetachedTensorsAreRecycledWithTheScope() {
        Tensor grad;
        Tensor detached;
        try (TensorScope step = TensorScope.open()) {
            Tensor h = x.matmul(w);
            h.relu().sum().backward();
            grad = h.grad();
            detached = h.detach();
            assertEquals(2, grad.numel() / 2, "usable inside the scope");
            assertEquals(detached.get(1, 1), h.get(1, 1));
        }
        assertRefused(grad::toArray);
        assertRefused(detached::toArray);
        assertRefused(() -> detached.add(x));
        assertEquals(4, w.grad().toArray().length, "a leaf's gradient outlives the scope");
    }

    @Test
    void aTensorOfAnOuterScopeOutlivesAnInnerOne() {
        try (TensorScope outer = TensorScope.open()) {
            Tensor h = x.matmul(w);
            Tensor inner;
            try (TensorScope step = TensorScope.open()) {
                inner = h.relu();
                assertEquals(h.relu().sum().item(), inner.sum().item());
            }
            assertRefused(inner::toArray);
            h.sum().backward();
            assertArrayEquals(new float[] {4f, 4f, 6f, 6f}, w.grad().toArray());
        }
    }

    @Test
    void tensorsMadeOutsideAnyScopeStayUsable() {
        Tensor h;
        try (TensorScope step = TensorScope.open()) {
            h = Tensor.of(new float[] {1f, 2f}, 2);   // the caller's array: never pooled
        }
        assertEquals(3f, h.sum().item());
    }

    @Test
    void recycledArraysAreFilledWithNaNUnderAssertions() {
        boolean assertions = false;
        assert assertions = true;
        assumeTrue(assertions, "run with -ea (surefire does)");
        float[] raw;
        try (TensorScope step = TensorScope.open()) {
            raw = x.matmul(w).data();
        }
        for (float v : raw) {
            assertTrue(Float.isNaN(v), "recycled value " + v);
        }
    }
}
