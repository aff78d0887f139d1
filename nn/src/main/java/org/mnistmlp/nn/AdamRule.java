package org.mnistmlp.nn;

/**
 * The update rule {@link Adam} and {@link AdamW} share; they differ only in where the weight decay
 * enters, in the gradient (Adam) or on the parameter (AdamW).
 */
abstract class AdamRule extends Optimizer {
    private final double beta1;
    private final double beta2;
    private final float eps;
    private final boolean decoupled;
    private final float[][] expAvg;
    private final float[][] expAvgSq;

    /** Takes the settings from {@code b}; {@code decoupled} moves the weight decay from the gradient to the parameter. */
    AdamRule(Adam.Builder<?> b, boolean decoupled) {
        super(b);
        requireFraction("beta1", b.beta1);
        requireFraction("beta2", b.beta2);
        requireAtLeastZero("eps", b.eps);
        beta1 = b.beta1;
        beta2 = b.beta2;
        eps = (float) b.eps;
        this.decoupled = decoupled;
        expAvg = buffer("exp_avg");
        expAvgSq = buffer("exp_avg_sq");
    }

    @Override
    protected final void update(int index, float[] p, float[] g, int from, int to, double lr, double weightDecay, long step) {
        float[] m = expAvg[index];
        float[] v = expAvgSq[index];
        // As PyTorch: the bias corrections in double, folded into the step size and the denominator.
        float stepSize = (float) (lr / (1 - Math.pow(beta1, step)));
        float inverseCorrection2Sqrt = (float) (1 / Math.sqrt(1 - Math.pow(beta2, step)));   // a product is cheaper than a quotient
        float shrink = decoupled ? (float) (1 - lr * weightDecay) : 1f;
        float gradDecay = decoupled ? 0f : (float) weightDecay;
        float fresh1 = (float) (1 - beta1);
        float b2 = (float) beta2;
        float fresh2 = (float) (1 - beta2);
        for (int j = from; j < to; j++) {
            float d = g[j] + gradDecay * p[j];
            float pj = shrink * p[j];
            m[j] += fresh1 * (d - m[j]);   // PyTorch's lerp towards d
            v[j] = b2 * v[j] + fresh2 * d * d;
            float denom = (float) Math.sqrt(v[j]) * inverseCorrection2Sqrt + eps;
            p[j] = pj - stepSize * m[j] / denom;
        }
    }
}
