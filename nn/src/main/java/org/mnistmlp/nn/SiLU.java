package org.mnistmlp.nn;

import org.mnistmlp.autograd.Tensor;

/** The sigmoid-weighted linear unit (swish), x·σ(x), element-wise. */
public final class SiLU extends Module {
    @Override
    public Tensor forward(Tensor x) {
        return x.silu();
    }
}
