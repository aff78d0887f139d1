package org.mnistmlp.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mnistmlp.autograd.Tensor;

/**
 * Modules applied one after another, the output of each feeding the next. Its children are named by
 * position, so a layer's parameters are named {@code "0.weight"}, {@code "0.bias"}, {@code "2.weight"}, ...
 */
public final class Sequential extends Module {
    private final List<Module> layers;

    /** Chains {@code layers} in the given order; at least one is needed. */
    public Sequential(Module... layers) {
        if (layers.length == 0) {
            throw new IllegalArgumentException("Sequential: needs at least one layer");
        }
        this.layers = List.of(layers);
    }

    /** The layers, in order (unmodifiable). */
    public List<Module> layers() {
        return layers;
    }

    @Override
    public Tensor forward(Tensor x) {
        Tensor y = x;
        for (Module layer : layers) {
            y = layer.forward(y);
        }
        return y;
    }

    @Override
    protected List<Map.Entry<String, Module>> children() {
        List<Map.Entry<String, Module>> named = new ArrayList<>(layers.size());
        for (int i = 0; i < layers.size(); i++) {
            named.add(Map.entry(Integer.toString(i), layers.get(i)));
        }
        return named;
    }
}
