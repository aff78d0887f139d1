package org.mnistmlp.nn;

import java.util.List;
import org.mnistmlp.autograd.Tensor;

/**
 * Stochastic gradient descent with momentum, Nesterov momentum and weight decay, following PyTorch's
 * {@code torch.optim.SGD}. For each parameter p with gradient g, one {@link #step()} computes
 * <pre>
 *   g ← g + weightDecay·p
 *   b ← g                                   on the parameter's first step (if momentum ≠ 0)
 *   b ← momentum·b + (1 − dampening)·g      afterwards
 *   g ← g + momentum·b   (Nesterov)   or   g ← b   (otherwise)
 *   p ← p − learningRate·g
 * </pre>
 * The state is one buffer, {@code momentum_buffer}, when momentum is on.
 * <pre>{@code
 * SGD sgd = SGD.builder(model.parameters()).learningRate(0.1).momentum(0.9).nesterov(true).build();
 * }</pre>
 */
public final class SGD extends Optimizer {
    private final float momentum;
    private final float dampening;
    private final boolean nesterov;
    private final float[][] buffers;

    /** Plain SGD, {@code p ← p − learningRate·g}. */
    public SGD(List<Tensor> params, double learningRate) {
        this(builder(params).learningRate(learningRate));
    }

    private SGD(Builder b) {
        super(b);
        requireAtLeastZero("momentum", b.momentum);
        if (b.dampening < 0 || b.dampening > 1) {
            throw new IllegalArgumentException("SGD: dampening must be in [0, 1], got " + b.dampening);
        }
        if (b.nesterov && (b.momentum == 0 || b.dampening != 0)) {
            throw new IllegalArgumentException("SGD: Nesterov momentum needs momentum > 0 and dampening 0");
        }
        momentum = (float) b.momentum;
        dampening = (float) b.dampening;
        nesterov = b.nesterov;
        buffers = momentum != 0 ? buffer("momentum_buffer") : null;
    }

    /** A builder for the parameters to optimise; the learning rate defaults to 0.01, everything else to off. */
    public static Builder builder(List<Tensor> params) {
        return builder(ParamGroup.of(params));
    }

    /** A builder for parameter groups, e.g. {@link ParamGroup#noDecayOnBiases(Module)}. */
    public static Builder builder(ParamGroup... groups) {
        return new Builder(groups);
    }

    @Override
    protected void update(int index, float[] p, float[] g, int from, int to, double lr, double weightDecay, long step) {
        if (momentum == 0) {
            plainStep(p, g, from, to, (float) lr, (float) weightDecay);
        } else {
            momentumStep(p, g, buffers[index], from, to, step > 1, (float) lr, (float) weightDecay);
        }
    }

    private static void plainStep(float[] p, float[] g, int from, int to, float lr, float wd) {
        for (int j = from; j < to; j++) {
            p[j] -= lr * (g[j] + wd * p[j]);
        }
    }

    /**
     * The momentum rule without branches in the loop, so that the JIT can vectorise it: on the first
     * step the buffer (all zeros) is kept with weight 0 and the gradient enters with weight 1; the
     * update is {@code gWeight·g + bWeight·b}, which is exactly {@code b} or {@code g + momentum·b}.
     */
    private void momentumStep(float[] p, float[] g, float[] buf, int from, int to, boolean started, float lr, float wd) {
        float keep = started ? momentum : 0f;
        float fresh = started ? 1f - dampening : 1f;
        float gWeight = nesterov ? 1f : 0f;
        float bWeight = nesterov ? momentum : 1f;
        for (int j = from; j < to; j++) {
            float d = g[j] + wd * p[j];
            float b = keep * buf[j] + fresh * d;
            buf[j] = b;
            p[j] -= lr * (gWeight * d + bWeight * b);
        }
    }

    /** Collects the settings of an {@link SGD}; each defaults as in PyTorch except the learning rate (0.01). */
    public static final class Builder extends Optimizer.Builder<Builder> {
        private double momentum;
        private double dampening;
        private boolean nesterov;

        private Builder(ParamGroup[] groups) {
            super(groups, 0.01, 0);
        }

        /** The momentum factor, at least 0; 0 (the default) turns momentum off. */
        public Builder momentum(double value) {
            momentum = value;
            return this;
        }

        /** How much of the new gradient is damped before entering the momentum buffer, in [0, 1]. */
        public Builder dampening(double value) {
            dampening = value;
            return this;
        }

        /** Whether to use Nesterov momentum (needs momentum > 0 and no dampening). */
        public Builder nesterov(boolean value) {
            nesterov = value;
            return this;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        public SGD build() {
            return new SGD(this);
        }
    }
}
