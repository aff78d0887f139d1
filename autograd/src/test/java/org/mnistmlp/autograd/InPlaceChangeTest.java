package org.mnistmlp.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Values changed in place between the forward and the backward pass are caught, as PyTorch does. */
class InPlaceChangeTest {

    private static void assertRefused(Tensor loss, String... fragments) {
        IllegalStateException e = assertThrows(IllegalStateException.class, loss::backward);
        assertTrue(e.getMessage().contains("modified by an in-place operation"), e.getMessage());
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "'" + e.getMessage() + "' should mention " + f);
        }
    }

    @Test
    void anInputChangedBeforeBackwardIsRefused() {
        // p = 2, q = p·p: writing p = 10 in between used to give dq/dp = 20 instead of 4.
        Tensor p = Tensor.vector(2f, 3f).requiresGrad(true);
        Tensor q = p.mul(p).sum();
        p.data()[0] = 10f;
        assertRefused(q, "tensor of shape [2]", "of op mul", "is at version 1, expected 0");
    }

    @Test
    void everyInPlaceChangeCounts() {
        for (Consumer<Tensor> change : java.util.List.<Consumer<Tensor>>of(
                t -> t.data(), t -> t.set(10f, 1), t -> t.copyFrom(new float[] {5f, 6f}), t -> t.reshape(2, 1).set(1f, 0, 0),
                t -> t.detach().copyFrom(new float[] {1f, 1f}))) {
            Tensor p = Tensor.vector(2f, 3f).requiresGrad(true);
            Tensor q = p.exp().sum();
            int before = p.version();
            change.accept(p);
            assertEquals(before + 1, p.version());
            assertRefused(q, "of op exp");
        }
    }

    @Test
    void anOutputChangedBeforeBackwardIsRefused() {
        Tensor x = Tensor.vector(0.5f, -1f).requiresGrad(true);
        Tensor y = x.sigmoid();   // its backward reads y
        Tensor loss = y.sum();
        y.set(0.9f, 0);
        assertRefused(loss, "input 0 of op sum");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> y.backward(Tensor.vector(1f, 1f)));
        assertTrue(e.getMessage().contains("output of op sigmoid"), e.getMessage());
    }

    @Test
    void readingChangesNothing() {
        Tensor p = Tensor.vector(2f, 3f).requiresGrad(true);
        Tensor h = p.mul(p);
        Tensor q = h.sum();
        assertEquals(13f, q.item());
        assertEquals(4f, h.get(0));
        assertArrayEquals(new float[] {4f, 9f}, h.toArray());
        q.backward();
        assertArrayEquals(new float[] {4f, 6f}, p.grad().toArray());
        assertEquals(0, p.version());
    }

    @Test
    void changesAfterBackwardAreFineAndTheNextGraphSeesThem() {
        Tensor p = Tensor.scalar(2f).requiresGrad(true);
        p.mul(p).backward();
        p.copyFrom(new float[] {10f});   // an optimizer step
        p.zeroGrad();
        p.mul(p).backward();
        assertEquals(20f, p.grad().item());
    }

    @Test
    void aWeightReadByTwoOpsIsNotAChange() {
        Tensor x = Tensor.of(new float[] {1f, 2f, 3f, 4f}, 2, 2);
        Tensor w = Tensor.of(new float[] {0.5f, -1f, 2f, 1f}, 2, 2).requiresGrad(true);
        Tensor b = Tensor.vector(0.1f, 0.2f).requiresGrad(true);
        Tensor loss = x.linear(w, b).tanh().linear(w, b).matmul(w).sum();
        int before = w.version();
        loss.backward();   // refused if the ops' own reads of w, forward or backward, counted as changes
        assertEquals(before, w.version());
        assertEquals(4, w.grad().numel());
    }

    @Test
    void zeroGradIsAChangeOfTheGradient() {
        Tensor p = Tensor.vector(1f, 2f).requiresGrad(true);
        p.mul(p).sum().backward();
        Tensor g = p.grad();
        Tensor usesGrad = g.mul(2f);
        int before = g.version();
        p.zeroGrad();
        assertEquals(before + 1, g.version());
        assertArrayEquals(new float[] {0f, 0f}, g.toArray());
        assertArrayEquals(new float[] {4f, 8f}, usesGrad.toArray(), "ops copy, they do not alias the gradient");
    }

    @Test
    void crossEntropyKeepsItsOwnLabels() {
        Tensor logits = Tensor.of(new float[] {2f, 0f, -1f, 0.5f, 1f, 0f}, 2, 3).requiresGrad(true);
        int[] labels = {0, 2};
        Tensor loss = logits.crossEntropy(labels);
        labels[0] = 1;   // a batch iterator reusing its labels array for the next batch
        labels[1] = 1;
        loss.backward();

        Tensor fresh = Tensor.of(new float[] {2f, 0f, -1f, 0.5f, 1f, 0f}, 2, 3).requiresGrad(true);
        fresh.crossEntropy(new int[] {0, 2}).backward();
        assertArrayEquals(fresh.grad().toArray(), logits.grad().toArray(), "the gradient of the loss that was computed");
    }
}
