package org.mnistmlp.nn;

import org.mnistmlp.autograd.Tensor;

/** The rectified linear unit, max(0, x), element-wise. */
public final class ReLU extends Module {
    @Override
    public Tensor forward(Tensor x) {
        return x.relu();
    }
}
