package org.mnistmlp.nn;

import java.util.List;
import org.mnistmlp.autograd.Tensor;

/**
 * RMSprop, following PyTorch's {@code torch.optim.RMSprop}. For each parameter p with gradient g, one
 * {@link #step()} computes
 * <pre>
 *   g ← g + weightDecay·p
 *   v ← α·v + (1 − α)·g²
 *   ṽ ← v − ḡ²,  with ḡ ← α·ḡ + (1 − α)·g     (centered)   or   ṽ ← v   (otherwise)
 *   b ← momentum·b + g / (√ṽ + eps),   p ← p − learningRate·b     (momentum > 0)
 *   p ← p − learningRate · g / (√ṽ + eps)                          (otherwise)
 * </pre>
 * The state is the buffer {@code square_avg} (v), with {@code grad_avg} (ḡ) when centered and
 * {@code momentum_buffer} (b) when momentum is on.
 * <pre>{@code
 * RMSprop rmsprop = RMSprop.builder(model.parameters()).learningRate(1e-3).centered(true).build();
 * }</pre>
 */
public final class RMSprop extends Optimizer {
    private final double alpha;
    private final float eps;
    private final float momentum;
    private final float[][] squareAvg;
    private final float[][] gradAvg;
    private final float[][] momentumBuffer;

    private RMSprop(Builder b) {
        super(b);
        requireFraction("alpha", b.alpha);
        requireAtLeastZero("eps", b.eps);
        requireAtLeastZero("momentum", b.momentum);
        alpha = b.alpha;
        eps = (float) b.eps;
        momentum = (float) b.momentum;
        squareAvg = buffer("square_avg");
        gradAvg = b.centered ? buffer("grad_avg") : null;
        momentumBuffer = b.momentum != 0 ? buffer("momentum_buffer") : null;
    }

    /** A builder with PyTorch's defaults: learning rate 0.01, alpha 0.99, eps 1e-8, no momentum, not centered, no weight decay. */
    public static Builder builder(List<Tensor> params) {
        return builder(ParamGroup.of(params));
    }

    /** A builder for parameter groups, e.g. {@link ParamGroup#noDecayOnBiases(Module)}. */
    public static Builder builder(ParamGroup... groups) {
        return new Builder(groups);
    }

    @Override
    protected void update(int index, float[] p, float[] g, int from, int to, double lr, double weightDecay, long step) {
        float[] v = squareAvg[index];
        float[] gAvg = gradAvg != null ? gradAvg[index] : null;
        float[] buf = momentumBuffer != null ? momentumBuffer[index] : null;
        float wd = (float) weightDecay;
        float a = (float) alpha;
        float fresh = (float) (1 - alpha);
        float rate = (float) lr;
        for (int j = from; j < to; j++) {
            float d = g[j] + wd * p[j];
            v[j] = a * v[j] + fresh * d * d;
            float variance = v[j];
            if (gAvg != null) {
                gAvg[j] += fresh * (d - gAvg[j]);   // PyTorch's lerp towards d
                variance -= gAvg[j] * gAvg[j];
            }
            float scaled = d / ((float) Math.sqrt(variance) + eps);
            if (buf != null) {
                buf[j] = momentum * buf[j] + scaled;
                p[j] -= rate * buf[j];
            } else {
                p[j] -= rate * scaled;
            }
        }
    }

    /** Collects the settings of an {@link RMSprop}; each defaults as in PyTorch. */
    public static final class Builder extends Optimizer.Builder<Builder> {
        private double alpha = 0.99;
        private double eps = 1e-8;
        private double momentum;
        private boolean centered;

        private Builder(ParamGroup[] groups) {
            super(groups, 0.01, 0);
        }

        /** The decay rate of the squared-gradient average, in [0, 1). */
        public Builder alpha(double value) {
            alpha = value;
            return this;
        }

        /** The term added to the denominator for numerical stability, at least 0. */
        public Builder eps(double value) {
            eps = value;
            return this;
        }

        /** The momentum factor, at least 0; 0 (the default) turns momentum off. */
        public Builder momentum(double value) {
            momentum = value;
            return this;
        }

        /** Whether to normalise by an estimate of the gradient's variance instead of its second moment. */
        public Builder centered(boolean value) {
            centered = value;
            return this;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        public RMSprop build() {
            return new RMSprop(this);
        }
    }
}
