package org.mnistmlp.autograd;

import java.util.Arrays;

/** Small helpers for shapes: element counts, broadcasting and messages. */
final class Shapes {
    private Shapes() {}

    static int size(int[] shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            n *= d;
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds more than 2^31-1 elements");
        }
        return (int) n;
    }

    /** Dimension {@code d} of {@code shape} counted from 0, with negative d counting from the end; or an error naming the op. */
    static int axis(String op, int d, int[] shape) {
        int axis = d < 0 ? shape.length + d : d;
        if (axis < 0 || axis >= shape.length) {
            throw new IllegalArgumentException(op + ": dimension " + d + " out of range for shape " + str(shape)
                    + (shape.length == 0 ? " (a scalar has no dimensions)" : " (valid: " + -shape.length + " to " + (shape.length - 1) + ")"));
        }
        return axis;
    }

    static String str(int[] shape) {
        return Arrays.toString(shape);
    }

    /** The NumPy broadcast of two shapes, or an error naming the op and both shapes. */
    static int[] broadcast(String op, int[] a, int[] b) {
        int rank = Math.max(a.length, b.length);
        int[] out = new int[rank];
        for (int i = 0; i < rank; i++) {
            int da = dimFromRight(a, rank - 1 - i);
            int db = dimFromRight(b, rank - 1 - i);
            if (da != db && da != 1 && db != 1) {
                throw new IllegalArgumentException(op + ": shapes " + str(a) + " and " + str(b) + " cannot be broadcast together");
            }
            out[i] = da == 1 ? db : da;
        }
        return out;
    }

    private static int dimFromRight(int[] shape, int fromRight) {
        int i = shape.length - 1 - fromRight;
        return i >= 0 ? shape[i] : 1;
    }

    /**
     * For every element of {@code outShape}, the index of the element of {@code inShape} it reads under
     * broadcasting; {@code null} when the shapes are equal (the identity map).
     */
    static int[] broadcastIndex(int[] inShape, int[] outShape) {
        if (Arrays.equals(inShape, outShape)) {
            return null;
        }
        int rank = outShape.length;
        int[] inStride = new int[rank];
        int stride = 1;
        for (int i = rank - 1; i >= 0; i--) {
            int j = inShape.length - rank + i;
            int dim = j >= 0 ? inShape[j] : 1;
            inStride[i] = dim == 1 ? 0 : stride;
            stride *= dim;
        }
        int n = size(outShape);
        int[] map = new int[n];
        int[] coord = new int[rank];
        int offset = 0;
        for (int flat = 0; flat < n; flat++) {
            map[flat] = offset;
            for (int d = rank - 1; d >= 0; d--) {
                coord[d]++;
                offset += inStride[d];
                if (coord[d] < outShape[d]) {
                    break;
                }
                offset -= inStride[d] * coord[d];
                coord[d] = 0;
            }
        }
        return map;
    }
}
