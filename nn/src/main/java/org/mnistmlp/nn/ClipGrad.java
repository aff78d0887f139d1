package org.mnistmlp.nn;

import java.util.List;
import org.mnistmlp.autograd.Tensor;

/** Gradient clipping, as PyTorch's {@code torch.nn.utils.clip_grad_norm_}. */
public final class ClipGrad {
    private ClipGrad() {}

    /**
     * Scales the gradients of {@code params} in place so that their global L2 norm (the norm of all
     * gradient values taken together) is at most {@code maxNorm}: each is multiplied by
     * {@code min(1, maxNorm / (norm + 1e-6))}. A parameter listed twice counts once; parameters
     * without a gradient are skipped. Allocates nothing.
     *
     * @return the global norm before clipping; infinite or NaN if a gradient is, and then the gradients are too (as in PyTorch)
     */
    public static double clipGradNorm(List<Tensor> params, double maxNorm) {
        if (!(maxNorm > 0)) {
            throw new IllegalArgumentException("clipGradNorm: maxNorm must be positive, got " + maxNorm);
        }
        double sumOfSquares = 0;
        for (int i = 0; i < params.size(); i++) {
            if (isFirstWithGradient(params, i)) {
                for (float g : params.get(i).grad().data()) {
                    sumOfSquares += (double) g * g;
                }
            }
        }
        double norm = Math.sqrt(sumOfSquares);
        float scale = (float) Math.min(1, maxNorm / (norm + 1e-6));
        if (scale < 1 || Double.isNaN(norm)) {
            for (int i = 0; i < params.size(); i++) {
                if (isFirstWithGradient(params, i)) {
                    float[] g = params.get(i).grad().data();
                    for (int j = 0; j < g.length; j++) {
                        g[j] *= scale;
                    }
                }
            }
        }
        return norm;
    }

    /** Whether parameter {@code i} has a gradient and is not listed earlier (by identity; the lists are short). */
    private static boolean isFirstWithGradient(List<Tensor> params, int i) {
        Tensor p = params.get(i);
        if (p.grad() == null) {
            return false;
        }
        for (int k = 0; k < i; k++) {
            if (params.get(k) == p) {
                return false;
            }
        }
        return true;
    }
}
