package org.mnistmlp.plots;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DownsamplingTest {

    @Test
    void keepsEveryIndexWhenTheyFit() {
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, Downsampling.evenlySpacedIndices(5, 5));
        assertArrayEquals(new int[0], Downsampling.evenlySpacedIndices(0, 2000));
    }

    @Test
    void boundsTheCountAndKeepsFirstAndLast() {
        int[] indices = Downsampling.evenlySpacedIndices(4690, 2000);

        assertEquals(2000, indices.length);
        assertEquals(0, indices[0]);
        assertEquals(4689, indices[indices.length - 1]);
        for (int i = 1; i < indices.length; i++) {
            assertTrue(indices[i] > indices[i - 1], "indices must strictly increase at " + i);
        }
    }

    @Test
    void spacesIndicesEvenly() {
        assertArrayEquals(new int[] {0, 3, 6, 9}, Downsampling.evenlySpacedIndices(10, 4));
    }

    @Test
    void rejectsFewerThanTwoPoints() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Downsampling.evenlySpacedIndices(10, 1));

        assertEquals("maxPoints must be at least 2, got 1", e.getMessage());
    }
}
