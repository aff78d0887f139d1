package org.mnistmlp.onnx;

import org.mnistmlp.nn.Linear;

/**
 * A first {@link Linear} layer with the input normalisation {@code (x - mean) / std} folded into it,
 * so that it takes raw pixels: {@code ((x - mean) / std)·W + b = x·(W / std) + (b - (mean / std)·Σᵢ Wᵢ)},
 * where {@code Σᵢ Wᵢ} sums the weight's rows (one sum per output). Computed in double precision, then
 * rounded once to float.
 *
 * @param weight the folded weight, shape [in, out] as {@link Linear#weight()}, row-major
 * @param bias the folded bias, shape [out]
 */
record FoldedNormalization(float[] weight, float[] bias) {

    /**
     * Folds {@code (x - mean) / std} into {@code layer}'s weight and bias; the layer is not changed.
     *
     * @throws IllegalArgumentException if {@code mean} is not finite or {@code std} is not finite and positive
     */
    static FoldedNormalization of(Linear layer, float mean, float std) {
        if (!Float.isFinite(mean) || !Float.isFinite(std) || std <= 0) {
            throw new IllegalArgumentException("normalisation needs a finite mean and a positive std, got mean " + mean + " std " + std);
        }
        int in = layer.inFeatures();
        int out = layer.outFeatures();
        float[] w = layer.weight().toArray();
        float[] weight = new float[w.length];
        double[] shift = new double[out];   // (mean / std)·Σᵢ Wᵢ, per output
        for (int i = 0; i < in; i++) {
            for (int o = 0; o < out; o++) {
                double v = w[i * out + o];
                weight[i * out + o] = (float) (v / std);
                shift[o] += v * mean / std;
            }
        }
        float[] b = layer.bias().toArray();
        float[] bias = new float[out];
        for (int o = 0; o < out; o++) {
            bias[o] = (float) (b[o] - shift[o]);
        }
        return new FoldedNormalization(weight, bias);
    }
}
