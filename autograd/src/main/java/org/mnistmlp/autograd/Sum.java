package org.mnistmlp.autograd;

import java.util.Arrays;

/**
 * Sums: of all elements (to a scalar), or along one axis; both accumulate in double, so that a long
 * sum does not lose its small terms. The gradient spreads back unchanged.
 */
final class Sum {
    private Sum() {}

    static Tensor all(Tensor x) {
        float[] xd = x.values();
        double s = 0;
        for (float v : xd) {
            s += v;
        }
        return Tensor.result("sum", new float[] {(float) s}, new int[0], (g, needsGrad) -> {
            float[] gx = x.gradBuffer();
            for (int i = 0; i < gx.length; i++) {
                gx[i] += g[0];
            }
        }, x);
    }

    static Tensor alongAxis(Tensor x, int axis) {
        int[] shape = x.shape();
        int ax = Shapes.axis("sum", axis, shape);
        // View the tensor as [outer, len, inner] and reduce the middle dimension.
        int len = shape[ax];
        int inner = Shapes.size(Arrays.copyOfRange(shape, ax + 1, shape.length));
        int outer = Shapes.size(Arrays.copyOfRange(shape, 0, ax));
        int[] outShape = new int[shape.length - 1];
        System.arraycopy(shape, 0, outShape, 0, ax);
        System.arraycopy(shape, ax + 1, outShape, ax, shape.length - ax - 1);
        float[] xd = x.values();
        float[] out = TensorScope.floats(outer * inner);
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                double s = 0;
                for (int l = 0, at = o * len * inner + i; l < len; l++, at += inner) {
                    s += xd[at];
                }
                out[o * inner + i] = (float) s;
            }
        }
        return Tensor.result("sum", out, outShape, (g, needsGrad) -> {
            float[] gx = x.gradBuffer();
            for (int o = 0; o < outer; o++) {
                for (int l = 0; l < len; l++) {
                    int base = (o * len + l) * inner;
                    for (int i = 0; i < inner; i++) {
                        gx[base + i] += g[o * inner + i];
                    }
                }
            }
        }, x);
    }
}
