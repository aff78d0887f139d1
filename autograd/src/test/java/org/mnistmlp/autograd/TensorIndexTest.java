package org.mnistmlp.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Indices and dimensions: negative ones count from the end where PyTorch allows it, bad ones say what and where. */
class TensorIndexTest {
    private final Tensor t = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);

    private static void assertMessage(Class<? extends RuntimeException> type, Executable use, String... fragments) {
        RuntimeException e = assertThrows(type, use);
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "'" + e.getMessage() + "' should mention " + f);
        }
    }

    @Test
    void dimensionsCountFromTheEndWhenNegative() {
        assertEquals(3, t.size(-1));
        assertEquals(2, t.size(-2));
        assertEquals(9f, t.sum(-2).get(2));
        assertEquals(5f, t.mean(-1).get(1));
    }

    @Test
    void badDimensionsNameTheOpTheDimensionAndTheShape() {
        assertMessage(IllegalArgumentException.class, () -> t.size(5), "size", "dimension 5", "[2, 3]", "-2 to 1");
        assertMessage(IllegalArgumentException.class, () -> t.size(-3), "size", "dimension -3");
        assertMessage(IllegalArgumentException.class, () -> t.sum(2), "sum", "dimension 2", "[2, 3]");
        assertMessage(IllegalArgumentException.class, () -> t.mean(-3), "mean", "dimension -3", "[2, 3]");
        assertMessage(IllegalArgumentException.class, () -> Tensor.scalar(1f).size(0), "scalar has no dimensions");
    }

    @Test
    void badIndicesNameTheIndexAndTheShape() {
        assertEquals(6f, t.get(1, 2));
        assertMessage(IllegalArgumentException.class, () -> t.get(1), "get", "1 indices", "[2, 3]");
        assertMessage(IndexOutOfBoundsException.class, () -> t.get(1, 3), "get", "[1, 3]", "[2, 3]");
        assertMessage(IndexOutOfBoundsException.class, () -> t.get(-1, 0), "get", "[-1, 0]");
        assertMessage(IndexOutOfBoundsException.class, () -> t.set(0f, 2, 0), "set", "[2, 0]", "[2, 3]");
        assertMessage(IllegalArgumentException.class, () -> t.copyFrom(new float[5]), "copyFrom", "5 values", "[2, 3]");
        assertEquals(0, t.version(), "a refused change changes nothing");
    }

    @Test
    void sumsAlongAnAxisAccumulateInDoubleLikeTheWholeSum() {
        // In float, 1e8 + 1 rounds back to 1e8 and the 1 is lost.
        Tensor column = Tensor.of(new float[] {1e8f, 1f, -1e8f}, 3, 1);
        assertEquals(1f, column.sum().item());
        assertEquals(1f, column.sum(0).item());
    }
}
