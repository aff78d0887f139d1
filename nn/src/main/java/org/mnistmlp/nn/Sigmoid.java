package org.mnistmlp.nn;

import org.mnistmlp.autograd.Tensor;

/** The logistic function, 1/(1 + e^−x), element-wise. */
public final class Sigmoid extends Module {
    @Override
    public Tensor forward(Tensor x) {
        return x.sigmoid();
    }
}
