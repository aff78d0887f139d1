package org.mnistmlp.autograd;

import java.util.Arrays;

/**
 * A float32 tensor: row-major {@code float[]} data, a shape, and, when it takes part in training, a
 * gradient of the same shape and the op that produced it.
 *
 * <p>Operations read like PyTorch's: {@code x.matmul(w).add(b).relu()}. Each returns a new tensor and,
 * unless inside a {@link NoGrad} scope or when no input requires a gradient, records how to propagate
 * gradients back. {@link #backward()} on a scalar fills {@link #grad()} of every tensor below it that
 * {@link #requiresGrad() requires} one; gradients of leaves add up across calls until {@link #zeroGrad()}.
 *
 * <p>Element-wise binary ops broadcast as NumPy does. Shape errors throw {@link IllegalArgumentException}
 * naming the op and the shapes.
 */
public final class Tensor {
    private static final Tensor[] NO_INPUTS = new Tensor[0];

    private final float[] data;
    private final int[] shape;
    private final String op;
    private final Tensor[] inputs;
    private final BackwardFn backwardFn;
    /** The gradient, itself a plain tensor of this one's shape; null until a backward pass reaches here. */
    private Tensor grad;
    private boolean requiresGrad;

    private Tensor(float[] data, int[] shape, String op, Tensor[] inputs, BackwardFn backwardFn) {
        this.data = data;
        this.shape = shape;
        this.op = op;
        this.inputs = inputs;
        this.backwardFn = backwardFn;
        this.requiresGrad = backwardFn != null;
    }

    // ---- creation ------------------------------------------------------------------------------

    /** Wraps {@code data} (not copied) as a tensor of the given shape. */
    public static Tensor of(float[] data, int... shape) {
        int[] s = shape.clone();
        if (Shapes.size(s) != data.length) {
            throw new IllegalArgumentException("of: " + data.length + " values do not fill shape " + Shapes.str(s));
        }
        return new Tensor(data, s, null, NO_INPUTS, null);
    }

    /** A tensor of shape [] holding one value. */
    public static Tensor scalar(float value) {
        return of(new float[] {value});
    }

    /** A vector holding the given values. */
    public static Tensor vector(float... values) {
        return of(values.clone(), values.length);
    }

    /** A matrix from rows of equal length. */
    public static Tensor matrix(float[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        float[] d = new float[rows.length * cols];
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != cols) {
                throw new IllegalArgumentException("matrix: row " + r + " has " + rows[r].length + " values, row 0 has " + cols);
            }
            System.arraycopy(rows[r], 0, d, r * cols, cols);
        }
        return of(d, rows.length, cols);
    }

    /** A tensor of zeros. */
    public static Tensor zeros(int... shape) {
        return of(new float[Shapes.size(shape)], shape);
    }

    /** A tensor filled with {@code value}. */
    public static Tensor full(float value, int... shape) {
        float[] d = new float[Shapes.size(shape)];
        Arrays.fill(d, value);
        return of(d, shape);
    }

    /**
     * The result of an op: records {@code backwardFn} and the inputs when gradients are being recorded
     * and some input requires a gradient; otherwise a plain constant.
     */
    static Tensor result(String op, float[] data, int[] shape, BackwardFn backwardFn, Tensor... inputs) {
        if (NoGrad.isGradEnabled()) {
            for (Tensor in : inputs) {
                if (in.requiresGrad) {
                    return new Tensor(data, shape, op, inputs, backwardFn);
                }
            }
        }
        return new Tensor(data, shape, null, NO_INPUTS, null);
    }

    // ---- properties ----------------------------------------------------------------------------

    /** The values, row-major; the live array, not a copy. */
    public float[] data() {
        return data;
    }

    /** A copy of the shape. */
    public int[] shape() {
        return shape.clone();
    }

    /** The length of dimension {@code d}, as PyTorch's {@code size(d)}; negative d counts from the end. */
    public int size(int d) {
        int axis = d < 0 ? shape.length + d : d;
        if (axis < 0 || axis >= shape.length) {
            throw new IllegalArgumentException("size: dimension " + d + " out of range for shape " + Shapes.str(shape)
                    + " (valid: " + -shape.length + " to " + (shape.length - 1) + ")");
        }
        return shape[axis];
    }

    /** The number of dimensions, 0 for a scalar (PyTorch's {@code dim()}). */
    public int dim() {
        return shape.length;
    }

    /** The number of elements (PyTorch's {@code numel()}). */
    public int numel() {
        return data.length;
    }

    /** The single value of a one-element tensor. */
    public float item() {
        if (data.length != 1) {
            throw new IllegalArgumentException("item: tensor of shape " + Shapes.str(shape) + " has " + data.length + " elements, not 1");
        }
        return data[0];
    }

    /** The value at the given coordinates. */
    public float get(int... index) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException("get: " + index.length + " indices for shape " + Shapes.str(shape));
        }
        int flat = 0;
        for (int d = 0; d < shape.length; d++) {
            if (index[d] < 0 || index[d] >= shape[d]) {
                throw new IndexOutOfBoundsException("get: index " + Arrays.toString(index) + " outside shape " + Shapes.str(shape));
            }
            flat = flat * shape[d] + index[d];
        }
        return data[flat];
    }

    /** Whether backward passes compute a gradient for this tensor. */
    public boolean requiresGrad() {
        return requiresGrad;
    }

    /** Marks a leaf tensor as a parameter or input whose gradient is wanted; returns this tensor. */
    public Tensor requiresGrad(boolean wanted) {
        if (!isLeaf()) {
            throw new IllegalStateException("requiresGrad: only leaf tensors can be switched; this one comes from " + op);
        }
        requiresGrad = wanted;
        return this;
    }

    /** The gradient from the backward passes so far, or null if none: the same tensor each call, updated in place. */
    public Tensor grad() {
        return grad;
    }

    /** Resets the gradient to zero (keeping its storage). */
    public void zeroGrad() {
        if (grad != null) {
            Arrays.fill(grad.data, 0f);
        }
    }

    /** A tensor sharing this one's data that records no graph. */
    public Tensor detach() {
        return new Tensor(data, shape, null, NO_INPUTS, null);
    }

    /** The name of the op that produced this tensor, or null for a leaf. */
    public String op() {
        return op;
    }

    boolean isLeaf() {
        return backwardFn == null;
    }

    Tensor[] inputs() {
        return inputs;
    }

    BackwardFn backwardFn() {
        return backwardFn;
    }

    /**
     * The gradient storage, allocated (zeroed) on first use. A leaf's gradient outlives any
     * {@link TensorScope}; an intermediate one is recycled with the scope it was made in.
     */
    float[] gradBuffer() {
        if (grad == null) {
            float[] storage = isLeaf() ? new float[data.length] : TensorScope.floats(data.length);
            grad = new Tensor(storage, shape, null, NO_INPUTS, null);
        }
        return grad.data;
    }

    void clearGrad() {
        grad = null;
    }

    // ---- backward ------------------------------------------------------------------------------

    /** Backpropagates from this scalar (a gradient of 1). */
    public void backward() {
        if (data.length != 1) {
            throw new IllegalArgumentException("backward: output of shape " + Shapes.str(shape)
                    + " is not a scalar; pass the upstream gradient with backward(Tensor)");
        }
        backward(scalar(1f));
    }

    /** Backpropagates from this tensor with the given upstream gradient of the same shape. */
    public void backward(Tensor upstream) {
        if (!Arrays.equals(upstream.shape, shape) && !(upstream.data.length == 1 && data.length == 1)) {
            throw new IllegalArgumentException("backward: upstream gradient of shape " + Shapes.str(upstream.shape)
                    + " does not match output shape " + Shapes.str(shape));
        }
        if (!requiresGrad) {
            throw new IllegalStateException("backward: this tensor does not require a gradient (no input requires one, or it was made under NoGrad)");
        }
        Backprop.run(this, upstream.data);
    }

    // ---- ops: each is one small class holding its forward and its backward --------------------

    public Tensor neg() { return Elementwise.apply(this, Neg.INSTANCE); }
    public Tensor exp() { return Elementwise.apply(this, Exp.INSTANCE); }
    public Tensor log() { return Elementwise.apply(this, Log.INSTANCE); }
    public Tensor relu() { return Elementwise.apply(this, KernelActivation.RELU); }
    public Tensor sigmoid() { return Elementwise.apply(this, KernelActivation.SIGMOID); }
    public Tensor tanh() { return Elementwise.apply(this, KernelActivation.TANH); }
    public Tensor silu() { return Elementwise.apply(this, KernelActivation.SILU); }

    /** Applies any element-wise function with its derivative; how new activations plug in. */
    public Tensor map(ElementwiseFunction f) { return Elementwise.apply(this, f); }

    public Tensor add(Tensor other) { return BroadcastBinary.apply(this, other, Add.INSTANCE); }
    public Tensor sub(Tensor other) { return BroadcastBinary.apply(this, other, Sub.INSTANCE); }
    public Tensor mul(Tensor other) { return BroadcastBinary.apply(this, other, Mul.INSTANCE); }
    public Tensor div(Tensor other) { return BroadcastBinary.apply(this, other, Div.INSTANCE); }
    public Tensor add(float c) { return add(scalar(c)); }
    public Tensor sub(float c) { return sub(scalar(c)); }
    public Tensor mul(float c) { return mul(scalar(c)); }
    public Tensor div(float c) { return div(scalar(c)); }

    /** The sum of all elements, as a scalar. */
    public Tensor sum() { return Sum.all(this); }
    /** The sum along one axis, which is removed from the shape; negative axes count from the end. */
    public Tensor sum(int axis) { return Sum.alongAxis(this, axis); }
    /** The mean of all elements, as a scalar. */
    public Tensor mean() { return sum().div(data.length); }
    /** The mean along one axis, which is removed from the shape. */
    public Tensor mean(int axis) { return sum(axis).div(size(axis)); }

    /** The matrix product of two matrices. */
    public Tensor matmul(Tensor other) { return MatMul.apply(this, other); }
    /** {@code this·weight + bias} for a batch of rows, fused: the affine map of a linear layer. */
    public Tensor linear(Tensor weight, Tensor bias) { return LinearOp.apply(this, weight, bias); }
    /** The transpose of a matrix. */
    public Tensor transpose() { return Transpose.apply(this); }
    /** The same values in a new shape of the same size; one dimension may be -1 (inferred). */
    public Tensor reshape(int... newShape) { return Reshape.apply(this, newShape); }

    /** Softmax over the last axis. */
    public Tensor softmax() { return SoftmaxOp.apply(this); }
    /** Log-softmax over the last axis, computed stably. */
    public Tensor logSoftmax() { return LogSoftmax.apply(this); }
    /**
     * The mean softmax cross-entropy of these logits (batch × classes) against integer class labels,
     * fused and numerically stable.
     */
    public Tensor crossEntropy(int[] labels) { return CrossEntropy.apply(this, labels); }

    @Override
    public String toString() {
        String values = data.length <= 16 ? Arrays.toString(data) : "[" + data.length + " values]";
        return "Tensor" + Shapes.str(shape) + (op != null ? " from " + op : "") + " " + values;
    }
}
