package org.mnistmlp.autograd;

/** The same values, row-major, in another shape: shares the data; the gradient flows back element by element. */
final class Reshape {
    private Reshape() {}

    static Tensor apply(Tensor x, int[] requested) {
        int[] shape = resolve(x, requested.clone());
        return Tensor.result("reshape", x.values(), shape, (g, needsGrad) -> {
            float[] gx = x.gradBuffer();
            for (int i = 0; i < gx.length; i++) {
                gx[i] += g[i];
            }
        }, x);
    }

    private static int[] resolve(Tensor x, int[] shape) {
        int inferred = -1;
        long known = 1;
        for (int d = 0; d < shape.length; d++) {
            if (shape[d] == -1 && inferred < 0) {
                inferred = d;
            } else if (shape[d] < 0) {
                throw new IllegalArgumentException("reshape: invalid target shape " + Shapes.str(shape));
            } else {
                known *= shape[d];
            }
        }
        if (inferred >= 0 && known > 0 && x.numel() % known == 0) {
            shape[inferred] = (int) (x.numel() / known);
        }
        if (inferred >= 0 && shape[inferred] < 0 || Shapes.size(shape) != x.numel()) {
            throw new IllegalArgumentException("reshape: cannot view shape " + Shapes.str(x.shape()) + " as " + Shapes.str(shape));
        }
        return shape;
    }
}
