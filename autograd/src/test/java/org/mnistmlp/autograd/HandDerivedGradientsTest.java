package org.mnistmlp.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/** Classic backpropagation exercises with gradients derived by hand. */
class HandDerivedGradientsTest {

    private static Tensor leaf(float v) {
        return Tensor.scalar(v).requiresGrad(true);
    }

    /** Runs f(x, y), backpropagates, and checks dx and dy to 1e-4 relative. */
    private static void assertGradients(float x0, float y0, BiFunction<Tensor, Tensor, Tensor> f, double dx, double dy) {
        Tensor x = leaf(x0);
        Tensor y = leaf(y0);
        f.apply(x, y).backward();
        assertClose(dx, x.grad().item(), "dx");
        assertClose(dy, y.grad().item(), "dy");
    }

    private static void assertClose(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-4 * Math.max(1, Math.abs(expected)), what);
    }

    @Test
    void sumsCountEveryUse() {
        assertGradients(1, 2, (x, y) -> x.add(y).add(x).add(x).add(x).add(y), 4, 2);
        assertGradients(1, 2, (x, y) -> x.sub(y).add(x).add(x).sub(x).sub(y), 2, -2);
    }

    @Test
    void productQuotientNegationExp() {
        assertGradients(1, 2, (x, y) -> x.add(y).mul(x.sub(y)), 2, -4);
        assertGradients(1, 2, Tensor::div, 0.5, -0.25);
        assertGradients(1, 2, (x, y) -> x.neg().add(y.mul(0f)), -1, 0);
        assertGradients(1, 2, (x, y) -> x.add(y).exp(), 20.0855369, 20.0855369);
    }

    @Test
    void sharedSubExpressions() {
        assertGradients(4, 5, (x, y) -> x.mul(x.mul(x).add(y)), 53, 4);
        assertGradients(4, 5, (x, y) -> x.mul(x).mul(x.mul(x).mul(y)), 1280, 256);

        Tensor x = leaf(4);
        Tensor y = leaf(4);
        Tensor w = leaf(4);
        Tensor u1 = x.add(y);
        Tensor u2 = u1.mul(x);
        Tensor u3 = u2.add(w);
        u1.add(u3).backward();
        assertEquals(13f, x.grad().item());
        assertEquals(5f, y.grad().item());
        assertEquals(1f, w.grad().item());
    }

    @Test
    void rationalFunctionOfSigmoids() {
        // f(x,y) = (x + sigmoid(y)) / (sigmoid(x) + (x+y)^2) at x=3, y=-4
        Tensor x = leaf(3);
        Tensor y = leaf(-4);
        Tensor xy = x.add(y);
        Tensor f = x.add(y.sigmoid()).div(x.sigmoid().add(xy.mul(xy)));
        f.backward();
        assertClose(1.545644884, f.item(), "f");
        assertClose(2.059569796, x.grad().item(), "dx");
        assertClose(1.592232751, y.grad().item(), "dy");
    }

    @Test
    void sigmoidTanhCircuit() {
        Tensor x1 = leaf(0.5f), x2 = leaf(-1.5f), b1 = leaf(0.25f), b2 = leaf(0.75f), c1 = leaf(-2f), c2 = leaf(3f);
        Tensor z1 = x1.add(b1);
        Tensor z2 = x2.add(b2);
        Tensor z3 = z1.sigmoid();
        Tensor z4 = z2.sigmoid();
        Tensor z5 = z2.tanh();
        Tensor z6 = z5.mul(c2);
        Tensor z7 = z1.mul(z4);
        Tensor z8 = z7.mul(c1);
        Tensor z9 = z6.mul(z3);
        Tensor y = z9.add(z8);
        y.backward();
        assertClose(-1.775370869, y.item(), "y");
        double[] expected = {-1.056829933, 0.888722629, -1.056829933, 0.888722629, 0.2406159756, -0.4313796393};
        Tensor[] leaves = {x1, x2, b1, b2, c1, c2};
        for (int i = 0; i < leaves.length; i++) {
            assertClose(expected[i], leaves[i].grad().item(), "gradient " + i);
        }
    }

    @Test
    void twoLayerSigmoidNetworkMatchesFiniteDifferences() {
        // sum(y*y) with y = sigmoid(W2·sigmoid(W1·x + b1) + b2), column-vector convention
        Tensor x = Tensor.of(new float[] {0.3f, -1.2f, 0.8f}, 3, 1);
        Tensor w1 = Tensor.of(new float[] {0.1f, -0.4f, 0.7f, 0.5f, 0.2f, -0.3f, -0.6f, 0.9f, 0.05f, 0.3f, -0.2f, 0.4f}, 4, 3);
        Tensor b1 = Tensor.of(new float[] {0.1f, -0.1f, 0.2f, 0f}, 4, 1);
        Tensor w2 = Tensor.of(new float[] {0.3f, -0.5f, 0.2f, 0.8f, -0.7f, 0.1f, 0.4f, -0.2f}, 2, 4);
        Tensor b2 = Tensor.of(new float[] {-0.2f, 0.3f}, 2, 1);
        GradientCheck.Result r = GradientCheck.check(() -> {
            Tensor h = w1.matmul(x).add(b1).sigmoid();
            Tensor y = w2.matmul(h).add(b2).sigmoid();
            return y.mul(y).sum();
        }, w1, b1, w2, b2);
        assertEquals(0, r.worstRelativeError(), 1e-3, r.toString());
    }
}
