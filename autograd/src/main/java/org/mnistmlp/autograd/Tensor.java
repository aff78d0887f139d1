package org.mnistmlp.autograd;

/** A float32 tensor in row-major order. (Skeleton: the full API lands with the autograd core.) */
public final class Tensor {
    private final float[] data;
    private final int[] shape;

    private Tensor(float[] data, int[] shape) {
        this.data = data;
        this.shape = shape;
    }

    /** Wraps {@code data} (not copied) as a tensor of the given shape. */
    public static Tensor of(float[] data, int... shape) {
        return new Tensor(data, shape.clone());
    }

    public float[] data() { return data; }

    public int[] shape() { return shape.clone(); }
}
