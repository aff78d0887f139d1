package org.mnistmlp.nn;

import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.mnistmlp.autograd.Tensor;

/** Gradient clipping, as PyTorch's {@code torch.nn.utils.clip_grad_norm_}. */
public final class ClipGrad {
    private ClipGrad() {}

    /**
     * Scales the gradients of {@code params} in place so that their global L2 norm (the norm of all
     * gradient values taken together) is at most {@code maxNorm}: each is multiplied by
     * {@code min(1, maxNorm / (norm + 1e-6))}. A parameter listed twice counts once; parameters
     * without a gradient are skipped.
     *
     * @return the global norm before clipping; infinite or NaN if a gradient is, and then the gradients are too (as in PyTorch)
     */
    public static double clipGradNorm(Collection<Tensor> params, double maxNorm) {
        if (!(maxNorm > 0)) {
            throw new IllegalArgumentException("clipGradNorm: maxNorm must be positive, got " + maxNorm);
        }
        Set<Tensor> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
        distinct.addAll(params);
        double sumOfSquares = 0;
        for (Tensor p : distinct) {
            if (p.grad() != null) {
                for (float g : p.grad().data()) {
                    sumOfSquares += (double) g * g;
                }
            }
        }
        double norm = Math.sqrt(sumOfSquares);
        float scale = (float) Math.min(1, maxNorm / (norm + 1e-6));
        if (scale < 1 || Double.isNaN(norm)) {
            for (Tensor p : distinct) {
                if (p.grad() != null) {
                    float[] g = p.grad().data();
                    for (int j = 0; j < g.length; j++) {
                        g[j] *= scale;
                    }
                }
            }
        }
        return norm;
    }
}
