package org.mnistmlp.autograd;

/**
 * The op that applies a {@link BinaryFunction} under NumPy broadcasting. Each output element reads one
 * element of each input; the backward adds each element's partial into the input element it read,
 * which sums gradients over broadcast dimensions back to each input's shape.
 */
final class BroadcastBinary {
    private BroadcastBinary() {}

    static Tensor apply(Tensor a, Tensor b, BinaryFunction f) {
        int[] outShape = Shapes.broadcast(f.name(), a.shape(), b.shape());
        int[] ia = Shapes.broadcastIndex(a.shape(), outShape);
        int[] ib = Shapes.broadcastIndex(b.shape(), outShape);
        float[] ad = a.values();
        float[] bd = b.values();
        float[] out = TensorScope.floats(Shapes.size(outShape));
        for (int i = 0; i < out.length; i++) {
            out[i] = f.value(ad[at(ia, i)], bd[at(ib, i)]);
        }
        return Tensor.result(f.name(), out, outShape, (g, needsGrad) -> {
            float[] ga = needsGrad[0] ? a.gradBuffer() : null;
            float[] gb = needsGrad[1] ? b.gradBuffer() : null;
            for (int i = 0; i < out.length; i++) {
                int j = at(ia, i);
                int k = at(ib, i);
                if (ga != null) {
                    ga[j] += g[i] * f.da(ad[j], bd[k], out[i]);
                }
                if (gb != null) {
                    gb[k] += g[i] * f.db(ad[j], bd[k], out[i]);
                }
            }
        }, a, b);
    }

    private static int at(int[] map, int i) {
        return map == null ? i : map[i];
    }
}
