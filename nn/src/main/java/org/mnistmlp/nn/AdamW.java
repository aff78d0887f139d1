package org.mnistmlp.nn;

import java.util.List;
import org.mnistmlp.autograd.Tensor;

/**
 * Adam with decoupled weight decay, following PyTorch's {@code torch.optim.AdamW}: before the Adam
 * update (see {@link Adam}, without the L2 term in the gradient) the parameter shrinks,
 * <pre>
 *   p ← p − learningRate·weightDecay·p
 * </pre>
 * so that the decay does not pass through the moment averages. The weight decay defaults to 0.01,
 * as in PyTorch.
 * <pre>{@code
 * AdamW adamw = AdamW.builder(ParamGroup.noDecayOnBiases(model)).learningRate(1e-3).weightDecay(0.05).build();
 * }</pre>
 */
public final class AdamW extends AdamRule {

    private AdamW(Adam.Builder<AdamW> b) {
        super(b, true);
    }

    /** A builder with PyTorch's defaults: learning rate 0.001, betas (0.9, 0.999), eps 1e-8, weight decay 0.01. */
    public static Adam.Builder<AdamW> builder(List<Tensor> params) {
        return builder(ParamGroup.of(params));
    }

    /** A builder for parameter groups, e.g. {@link ParamGroup#noDecayOnBiases(Module)}. */
    public static Adam.Builder<AdamW> builder(ParamGroup... groups) {
        return new Adam.Builder<>(groups, 0.01, AdamW::new);
    }
}
