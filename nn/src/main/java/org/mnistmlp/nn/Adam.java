package org.mnistmlp.nn;

import java.util.List;
import java.util.function.Function;
import org.mnistmlp.autograd.Tensor;

/**
 * Adam, following PyTorch's {@code torch.optim.Adam}. For each parameter p with gradient g, at its
 * step t (from 1), one {@link #step()} computes
 * <pre>
 *   g ← g + weightDecay·p                   (L2 penalty in the gradient)
 *   m ← β₁·m + (1 − β₁)·g
 *   v ← β₂·v + (1 − β₂)·g²
 *   m̂ ← m / (1 − β₁ᵗ),   v̂ ← v / (1 − β₂ᵗ)
 *   p ← p − learningRate · m̂ / (√v̂ + eps)
 * </pre>
 * {@link AdamW} decays the parameter instead of the gradient. The state is two buffers,
 * {@code exp_avg} (m) and {@code exp_avg_sq} (v), and each parameter's step count.
 * <pre>{@code
 * Adam adam = Adam.builder(model.parameters()).learningRate(1e-3).betas(0.9, 0.999).build();
 * }</pre>
 */
public final class Adam extends AdamRule {

    /** Adam with PyTorch's defaults and the given learning rate. */
    public Adam(List<Tensor> params, double learningRate) {
        this(builder(params).learningRate(learningRate));
    }

    private Adam(Builder<Adam> b) {
        super(b, false);
    }

    /** A builder with PyTorch's defaults: learning rate 0.001, betas (0.9, 0.999), eps 1e-8, no weight decay. */
    public static Builder<Adam> builder(List<Tensor> params) {
        return builder(ParamGroup.of(params));
    }

    /** A builder for parameter groups, e.g. {@link ParamGroup#noDecayOnBiases(Module)}. */
    public static Builder<Adam> builder(ParamGroup... groups) {
        return new Builder<>(groups, 0, Adam::new);
    }

    /**
     * Collects the settings of an {@link Adam} or {@link AdamW}.
     *
     * @param <A> the optimizer it builds
     */
    public static final class Builder<A extends Optimizer> extends Optimizer.Builder<Builder<A>> {
        private final Function<Builder<A>, A> factory;
        double beta1 = 0.9;
        double beta2 = 0.999;
        double eps = 1e-8;

        Builder(ParamGroup[] groups, double weightDecay, Function<Builder<A>, A> factory) {
            super(groups, 1e-3, weightDecay);
            this.factory = factory;
        }

        /** The decay rates of the first and second moment averages, each in [0, 1). */
        public Builder<A> betas(double beta1, double beta2) {
            this.beta1 = beta1;
            this.beta2 = beta2;
            return this;
        }

        /** The term added to the denominator for numerical stability, at least 0. */
        public Builder<A> eps(double value) {
            eps = value;
            return this;
        }

        @Override
        protected Builder<A> self() {
            return this;
        }

        @Override
        public A build() {
            return factory.apply(this);
        }
    }
}
