package org.mnistmlp.nn;

import org.mnistmlp.autograd.Tensor;

/** The hyperbolic tangent, element-wise. */
public final class Tanh extends Module {
    @Override
    public Tensor forward(Tensor x) {
        return x.tanh();
    }
}
