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
 * Parameters are updated in place, directly on their float arrays: no graph is recorded and nothing
 * is allocated after the momentum buffers, which are created once. Parameters without a gradient are
 * skipped.
 * <pre>{@code
 * SGD sgd = SGD.builder(model.parameters()).learningRate(0.1).momentum(0.9).nesterov(true).build();
 * }</pre>
 */
public final class SGD {
    private final Tensor[] params;
    private final float momentum;
    private final float dampening;
    private final float weightDecay;
    private final boolean nesterov;
    private final float[][] buffers;
    private final boolean[] started;
    private double learningRate;

    /** Plain SGD, {@code p ← p − learningRate·g}. */
    public SGD(List<Tensor> params, double learningRate) {
        this(builder(params).learningRate(learningRate));
    }

    private SGD(Builder b) {
        requireAtLeast("learning rate", b.learningRate, 0);
        requireAtLeast("momentum", b.momentum, 0);
        requireAtLeast("weight decay", b.weightDecay, 0);
        if (b.dampening < 0 || b.dampening > 1) {
            throw new IllegalArgumentException("SGD: dampening must be in [0, 1], got " + b.dampening);
        }
        if (b.nesterov && (b.momentum == 0 || b.dampening != 0)) {
            throw new IllegalArgumentException("SGD: Nesterov momentum needs momentum > 0 and dampening 0");
        }
        params = b.params.toArray(Tensor[]::new);
        learningRate = b.learningRate;
        momentum = (float) b.momentum;
        dampening = (float) b.dampening;
        weightDecay = (float) b.weightDecay;
        nesterov = b.nesterov;
        buffers = new float[params.length][];
        started = new boolean[params.length];
        if (momentum != 0) {
            for (int i = 0; i < params.length; i++) {
                buffers[i] = new float[params[i].numel()];
            }
        }
    }

    private static void requireAtLeast(String what, double value, double min) {
        if (!(value >= min)) {
            throw new IllegalArgumentException("SGD: " + what + " must be at least " + min + ", got " + value);
        }
    }

    /** A builder for the parameters to optimise; the learning rate defaults to 0.01, everything else to off. */
    public static Builder builder(List<Tensor> params) {
        return new Builder(params);
    }

    /** The current learning rate. */
    public double learningRate() {
        return learningRate;
    }

    /** Changes the learning rate from the next step on, for schedules. */
    public void setLearningRate(double learningRate) {
        requireAtLeast("learning rate", learningRate, 0);
        this.learningRate = learningRate;
    }

    /** Resets the gradients of all parameters to zero. */
    public void zeroGrad() {
        for (Tensor p : params) {
            p.zeroGrad();
        }
    }

    /** Updates every parameter that has a gradient by one step of the rule above. */
    public void step() {
        float lr = (float) learningRate;
        for (int i = 0; i < params.length; i++) {
            Tensor grad = params[i].grad();
            if (grad == null) {
                continue;
            }
            if (momentum == 0) {
                plainStep(params[i].data(), grad.data(), lr);
            } else {
                momentumStep(params[i].data(), grad.data(), buffers[i], started[i], lr);
                started[i] = true;
            }
        }
    }

    private void plainStep(float[] p, float[] g, float lr) {
        float wd = weightDecay;
        for (int j = 0; j < p.length; j++) {
            p[j] -= lr * (g[j] + wd * p[j]);
        }
    }

    /**
     * The momentum rule without branches in the loop, so that the JIT can vectorise it: on the first
     * step the buffer (all zeros) is kept with weight 0 and the gradient enters with weight 1; the
     * update is {@code gWeight·g + bWeight·b}, which is exactly {@code b} or {@code g + momentum·b}.
     */
    private void momentumStep(float[] p, float[] g, float[] buf, boolean started, float lr) {
        float wd = weightDecay;
        float keep = started ? momentum : 0f;
        float fresh = started ? 1f - dampening : 1f;
        float gWeight = nesterov ? 1f : 0f;
        float bWeight = nesterov ? momentum : 1f;
        for (int j = 0; j < p.length; j++) {
            float d = g[j] + wd * p[j];
            float b = keep * buf[j] + fresh * d;
            buf[j] = b;
            p[j] -= lr * (gWeight * d + bWeight * b);
        }
    }

    /** Collects the settings of an {@link SGD}; each defaults as in PyTorch except the learning rate (0.01). */
    public static final class Builder {
        private final List<Tensor> params;
        private double learningRate = 0.01;
        private double momentum;
        private double dampening;
        private double weightDecay;
        private boolean nesterov;

        private Builder(List<Tensor> params) {
            this.params = List.copyOf(params);
        }

        /** The step size, at least 0. */
        public Builder learningRate(double value) {
            learningRate = value;
            return this;
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

        /** The L2 penalty factor added as {@code weightDecay·p} to each gradient, at least 0. */
        public Builder weightDecay(double value) {
            weightDecay = value;
            return this;
        }

        /** Whether to use Nesterov momentum (needs momentum > 0 and no dampening). */
        public Builder nesterov(boolean value) {
            nesterov = value;
            return this;
        }

        /** The optimizer, after checking the settings. */
        public SGD build() {
            return new SGD(this);
        }
    }
}
