package org.mnistmlp.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The checker itself: it passes a right backward and fails wrong ones. */
class GradientCheckTest {

    private static ScalarFunction tanhWithDerivativeScaledBy(float factor) {
        return new ScalarFunction("tanh'x" + factor) {
            @Override protected float value(float x) { return (float) Math.tanh(x); }
            @Override protected float derivative(float x, float y) { return factor * (1 - y * y); }
        };
    }

    private static final Tensor X = Tensor.of(new float[] {-1.5f, -0.3f, 0.2f, 0.9f, 1.7f, -0.8f}, 2, 3);

    @Test
    void rightDerivativePasses() {
        GradientCheck.Result r = GradientCheck.check(() -> X.map(tanhWithDerivativeScaledBy(1f)), X);
        assertTrue(r.passes(1e-3), r.toString());
    }

    @Test
    void signFlippedDerivativeFails() {
        GradientCheck.Result r = GradientCheck.check(() -> X.map(tanhWithDerivativeScaledBy(-1f)), X);
        assertFalse(r.passes(1e-3), r.toString());
        assertEquals(2.0, r.worstRelativeError(), 1e-2, "a sign flip is a relative error of 2");
    }

    @Test
    void slightlyWrongDerivativeFails() {
        GradientCheck.Result r = GradientCheck.check(() -> X.map(tanhWithDerivativeScaledBy(1.01f)), X);
        assertFalse(r.passes(1e-3), r.toString());
    }

    @Test
    void assigningInsteadOfAddingIsCaughtOnAReusedValue() {
        // The mul's contribution to X's gradient arrives first; an assigning backward then overwrites it.
        ElementwiseFunction assigning = new ElementwiseFunction() {
            @Override public String name() { return "assigningSquare"; }
            @Override public void forward(float[] x, float[] y, int n) { for (int i = 0; i < n; i++) y[i] = x[i] * x[i]; }
            @Override public void backward(float[] x, float[] y, float[] gy, float[] gx, int n) {
                for (int i = 0; i < n; i++) gx[i] = gy[i] * 2 * x[i];   // the classic bug: = instead of +=
            }
        };
        GradientCheck.Result r = GradientCheck.check(() -> X.map(assigning).add(X.mul(5f)), X);
        assertFalse(r.passes(1e-3), r.toString());
    }
}
