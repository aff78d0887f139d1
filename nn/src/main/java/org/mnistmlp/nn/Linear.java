package org.mnistmlp.nn;

import java.util.List;
import java.util.Map;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.mnistmlp.autograd.Tensor;

/**
 * A fully connected layer, {@code y = x·weight + bias}, for a batch of rows {@code x} of shape
 * [batch, in]. The weight has shape [in, out] (the transpose of PyTorch's layout, so the forward pass
 * is a plain product) and the bias shape [out]; both require gradients.
 */
public final class Linear extends Module {
    private final Tensor weight;
    private final Tensor bias;

    /** A layer with PyTorch's default initialisation from an unseeded generator. */
    public Linear(int in, int out) {
        this(in, out, Init.DEFAULT, new Well19937c());
    }

    /** A layer with PyTorch's default initialisation drawn from {@code rng}. */
    public Linear(int in, int out, RandomGenerator rng) {
        this(in, out, Init.DEFAULT, rng);
    }

    /** A layer initialised by {@code init}, drawing its weight and then its bias from {@code rng}. */
    public Linear(int in, int out, Init init, RandomGenerator rng) {
        if (in <= 0 || out <= 0) {
            throw new IllegalArgumentException("Linear: sizes must be positive, got " + in + " → " + out);
        }
        float[] w = new float[in * out];
        float[] b = new float[out];
        init.fill(w, b, in, out, rng);
        weight = Tensor.of(w, in, out).requiresGrad(true);
        bias = Tensor.of(b, out).requiresGrad(true);
    }

    /** The weight, shape [in, out]; its data is live, so changes affect the layer. */
    public Tensor weight() {
        return weight;
    }

    /** The bias, shape [out]; its data is live. */
    public Tensor bias() {
        return bias;
    }

    /** The number of input features. */
    public int inFeatures() {
        return weight.size(0);
    }

    /** The number of output features. */
    public int outFeatures() {
        return weight.size(1);
    }

    @Override
    public Tensor forward(Tensor x) {
        return x.linear(weight, bias);
    }

    @Override
    protected List<Map.Entry<String, Tensor>> ownParameters() {
        return List.of(Map.entry("weight", weight), Map.entry("bias", bias));
    }

    /** For example {@code "Linear(784 → 128)"}. */
    @Override
    public String toString() {
        return "Linear(" + inFeatures() + " → " + outFeatures() + ")";
    }
}
