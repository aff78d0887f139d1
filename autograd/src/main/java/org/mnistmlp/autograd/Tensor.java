package org.mnistmlp.autograd;

import java.util.Arrays;

/**
 * A float32 tensor: row-major {@code float[]} data, a shape, and, when it takes part in training, a
 * gradient of the same shape and the op that produced it.
 *
 * <p>Operations read like PyTorch's: {@code x.matmul(w).add(b).relu()}. Each returns a new tensor and,
 * unless inside a {@link NoGrad} scope or when no input requires a gradient, records how to propagate
 * gradients back. {@link #backward()} on a scalar fills {@link #grad()} of every tensor below it that
 * {@link #requiresGrad() required} one when its ops ran; gradients of leaves add up across calls until
 * {@link #zeroGrad()}.
 *
 * <p>Three rules keep the numbers right, each enforced with an {@link IllegalStateException}:
 * <ul>
 * <li><b>The graph is fixed when an op runs.</b> Switching {@link #requiresGrad(boolean)} afterwards
 * changes only the ops that run afterwards.
 * <li><b>Values a backward pass needs must not change before it runs.</b> Every in-place change
 * ({@link #set}, {@link #copyFrom}, {@link #data()}) advances the tensor's {@link #version()}; the
 * backward pass refuses to use an op's input or output whose version has moved since the op ran.
 * <li><b>A tensor made inside a {@link TensorScope} is used only inside it.</b> Once the scope closes,
 * its storage is recycled, and any use of the tensor (its values, gradient, backward, detach, or as an
 * op's input) is refused.
 * </ul>
 *
 * <p>Element-wise binary ops broadcast as NumPy does. Shape errors throw {@link IllegalArgumentException}
 * naming the op and the shapes; bad indices throw {@link IndexOutOfBoundsException} or
 * {@link IllegalArgumentException} naming the index and the shape.
 */
public final class Tensor {
    private final float[] data;
    private final int[] shape;
    /** How this tensor was made, or null for a leaf. */
    private final Node node;
    /** The tensor owning the storage (and its version): this one, or the one a reshape or detach shares. */
    private final Tensor base;
    /** The scope whose closing recycles this tensor, or null if none does. */
    private final TensorScope scope;
    /** In-place changes so far; kept on the base only. */
    private int version;
    /**
     * Set on a gradient's base by {@link #zeroGrad()}: the values are zero though the storage still holds
     * old ones. They are cleared when something reads or adds to them, and not at all when the next
     * backward pass writes them whole (a weight gradient's product): one pass over every weight less per step.
     */
    private boolean zeroPending;
    /** The gradient, itself a plain tensor of this one's shape; null until a backward pass reaches here. */
    private Tensor grad;
    private boolean requiresGrad;

    private Tensor(float[] data, int[] shape, Node node, Tensor base, TensorScope scope) {
        this.data = data;
        this.shape = shape;
        this.node = node;
        this.base = base == null ? this : base;
        this.scope = scope;
        this.requiresGrad = node != null;
    }

    // ---- creation ------------------------------------------------------------------------------

    /**
     * Wraps {@code data} (not copied) as a tensor of the given shape. Later writes to that array are
     * not seen as in-place changes; make them through {@link #copyFrom} or {@link #set} instead.
     */
    public static Tensor of(float[] data, int... shape) {
        int[] s = shape.clone();
        if (Shapes.size(s) != data.length) {
            throw new IllegalArgumentException("of: " + data.length + " values do not fill shape " + Shapes.str(s));
        }
        return new Tensor(data, s, null, null, null);
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
     * The result of an op, made inside the current {@link TensorScope} if any. Records how it was made
     * when gradients are being recorded and some input requires a gradient; otherwise it is a constant.
     * An output that shares an input's array (a reshape) shares its version too.
     */
    static Tensor result(String op, float[] data, int[] shape, BackwardFn backwardFn, Tensor... inputs) {
        Tensor base = null;
        boolean gradNeeded = false;
        for (Tensor in : inputs) {
            in.requireLive();
            gradNeeded |= in.requiresGrad;
            if (in.data == data) {
                base = in.base;
            }
        }
        Node node = gradNeeded && NoGrad.isGradEnabled()
                ? new Node(op, inputs, backwardFn, base == null ? 0 : base.version)
                : null;
        return new Tensor(data, shape, node, base, TensorScope.current());
    }

    // ---- values --------------------------------------------------------------------------------

    /**
     * The live storage, row-major: the way to write values in place, or to read them without a copy.
     * Taking it counts as an in-place change: it advances {@link #version()}, so a backward pass that
     * still needs this tensor's values refuses to run. Read with {@link #item()}, {@link #get} or
     * {@link #toArray()} to leave the version alone.
     */
    public float[] data() {
        float[] d = storage();
        base.version++;
        return d;
    }

    /** A copy of the values, row-major. */
    public float[] toArray() {
        return values().clone();
    }

    /** The values for the ops to read: the live storage, not counted as a change. */
    float[] values() {
        return storage();
    }

    /** The live storage, with the zeros {@link #zeroGrad()} left pending written now. */
    private float[] storage() {
        requireLive();
        if (base.zeroPending) {
            Arrays.fill(data, 0f);
            base.zeroPending = false;
        }
        return data;
    }

    /** Replaces every value with {@code values} (same count), in place: an in-place change. */
    public void copyFrom(float[] values) {
        requireLive();
        if (values.length != data.length) {
            throw new IllegalArgumentException("copyFrom: " + values.length + " values for a tensor of shape "
                    + Shapes.str(shape) + " (" + data.length + " elements)");
        }
        System.arraycopy(values, 0, data, 0, data.length);
        base.zeroPending = false;
        base.version++;
    }

    /** Sets the value at the given coordinates, in place: an in-place change. */
    public void set(float value, int... index) {
        storage()[flatIndex("set", index)] = value;
        base.version++;
    }

    /** The value at the given coordinates. */
    public float get(int... index) {
        return values()[flatIndex("get", index)];
    }

    /** The single value of a one-element tensor. */
    public float item() {
        float[] d = values();
        if (d.length != 1) {
            throw new IllegalArgumentException("item: tensor of shape " + Shapes.str(shape) + " has " + d.length + " elements, not 1");
        }
        return d[0];
    }

    /**
     * How many in-place changes this tensor's storage has had (PyTorch's {@code _version}); shared with
     * the tensors that share the storage (reshapes, {@link #detach()}).
     */
    public int version() {
        return base.version;
    }

    private int flatIndex(String what, int[] index) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException(what + ": " + index.length + " indices for shape " + Shapes.str(shape));
        }
        int flat = 0;
        for (int d = 0; d < shape.length; d++) {
            if (index[d] < 0 || index[d] >= shape[d]) {
                throw new IndexOutOfBoundsException(what + ": index " + Arrays.toString(index) + " outside shape " + Shapes.str(shape));
            }
            flat = flat * shape[d] + index[d];
        }
        return flat;
    }

    // ---- properties ----------------------------------------------------------------------------

    /** A copy of the shape. */
    public int[] shape() {
        return shape.clone();
    }

    /** The length of dimension {@code d}, as PyTorch's {@code size(d)}; negative d counts from the end. */
    public int size(int d) {
        return shape[Shapes.axis("size", d, shape)];
    }

    /** The number of dimensions, 0 for a scalar (PyTorch's {@code dim()}). */
    public int dim() {
        return shape.length;
    }

    /** The number of elements (PyTorch's {@code numel()}). */
    public int numel() {
        return data.length;
    }

    /** Whether backward passes compute a gradient for this tensor (through the ops run from now on). */
    public boolean requiresGrad() {
        return requiresGrad;
    }

    /**
     * Marks a leaf tensor as a parameter or input whose gradient is wanted; returns this tensor. Ops
     * that have already run keep the graph they recorded: the change applies to the ops run after it.
     */
    public Tensor requiresGrad(boolean wanted) {
        if (!isLeaf()) {
            throw new IllegalStateException("requiresGrad: only leaf tensors can be switched; this one comes from " + node.op());
        }
        requiresGrad = wanted;
        return this;
    }

    /** The gradient from the backward passes so far, or null if none: the same tensor each call, updated in place. */
    public Tensor grad() {
        requireLive();
        return grad;
    }

    /**
     * Resets the gradient to zero (keeping its storage): an in-place change of the gradient. The storage is
     * cleared lazily, so resetting costs nothing when the next backward pass overwrites it anyway.
     */
    public void zeroGrad() {
        requireLive();
        if (grad != null) {
            grad.base.zeroPending = true;
            grad.base.version++;
        }
    }

    /** A tensor sharing this one's data (and version) that records no graph. */
    public Tensor detach() {
        requireLive();
        return new Tensor(data, shape, null, base, scope);
    }

    /** The name of the op that produced this tensor, or null for a leaf. */
    public String op() {
        return node == null ? null : node.op();
    }

    boolean isLeaf() {
        return node == null;
    }

    Node node() {
        return node;
    }

    /** Whether this tensor may still be used: it was made outside any scope, or its scope is still open. */
    boolean isLive() {
        return scope == null || !scope.isClosed();
    }

    /** Refuses any use of a tensor whose storage a closed scope has recycled. */
    void requireLive() {
        if (!isLive()) {
            throw new IllegalStateException("tensor of shape " + Shapes.str(shape) + (node != null ? " from " + node.op() : "")
                    + " was made inside a TensorScope that has closed, and its storage has been recycled: use a tensor"
                    + " only inside the scope that made it (copy what you need with item() or toArray() before the scope closes)");
        }
    }

    /**
     * The gradient storage for adding into (an in-place change of the gradient), allocated (zeroed) on
     * first use. A leaf's gradient outlives any {@link TensorScope}; an intermediate one is recycled with
     * the scope it was made in.
     */
    float[] gradBuffer() {
        return gradStorage(true);
    }

    /** A kernel that writes a gradient whole ({@code accumulate} false) or adds into it. */
    @FunctionalInterface
    interface GradKernel {
        void run(float[] grad, boolean accumulate);
    }

    /**
     * Runs {@code kernel} on the gradient storage: writing it whole while the gradient is zero (never
     * written, or reset by {@link #zeroGrad()} since, so the storage needs no clearing first), adding
     * into it otherwise. For kernels that can do either at the same cost, such as the matrix products.
     */
    void writeOrAddGrad(GradKernel kernel) {
        boolean add = grad != null && !grad.base.zeroPending;
        kernel.run(gradStorage(add), add);
    }

    /**
     * The gradient storage for a kernel that adds into it ({@code adding}, as {@link #gradBuffer()}) or
     * one that writes every element, which {@link #writeOrAddGrad} asks for only while the gradient is zero.
     */
    private float[] gradStorage(boolean adding) {
        if (grad == null) {
            boolean leaf = isLeaf();
            float[] storage = leaf ? new float[data.length]
                    : adding ? TensorScope.floats(data.length) : TensorScope.floatsToOverwrite(data.length);
            grad = new Tensor(storage, shape, null, null, leaf ? null : TensorScope.current());
        } else if (adding) {
            grad.storage();
        }
        grad.base.zeroPending = false;
        grad.base.version++;
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
        requireLive();
        float[] seed = upstream.values();
        if (!Arrays.equals(upstream.shape, shape) && !(upstream.data.length == 1 && data.length == 1)) {
            throw new IllegalArgumentException("backward: upstream gradient of shape " + Shapes.str(upstream.shape)
                    + " does not match output shape " + Shapes.str(shape));
        }
        if (!requiresGrad) {
            throw new IllegalStateException("backward: this tensor does not require a gradient (no input requires one, or it was made under NoGrad)");
        }
        Backprop.run(this, seed);
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
    /** The mean along one axis, which is removed from the shape; negative axes count from the end. */
    public Tensor mean(int axis) {
        int length = shape[Shapes.axis("mean", axis, shape)];
        return sum(axis).div(length);
    }

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
        String values = !isLive() ? "(recycled by its closed TensorScope)"
                : data.length <= 16 ? Arrays.toString(storage()) : "[" + data.length + " values]";
        return "Tensor" + Shapes.str(shape) + (node != null ? " from " + node.op() : "") + " " + values;
    }
}
