package org.mnistmlp.autograd;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Every op's backward against finite differences, at random and broadcast shapes. */
class OpGradientCheckTest {
    private static final double TOLERANCE = 1e-3;
    private final Random random = new Random(7);

    /** Values uniform in ±scale, kept at least {@code gap} away from zero (ReLU's kink, division). */
    private Tensor random(float scale, float gap, int... shape) {
        return GradientCheck.input(random, scale, gap, shape);
    }

    private Tensor positive(int... shape) {
        Tensor t = random(2f, 0.5f, shape);
        float[] d = t.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = Math.abs(d[i]);
        }
        return t;
    }

    private static void assertPasses(String op, Supplier<Tensor> f, Tensor... inputs) {
        GradientCheck.Result r = GradientCheck.check(f, inputs);
        assertTrue(r.passes(TOLERANCE), op + ": " + r);
    }

    private void checkUnary(String op, Function<Tensor, Tensor> f, float gap) {
        for (int[] shape : new int[][] {{}, {5}, {3, 4}, {2, 3, 2}}) {
            Tensor x = random(2f, gap, shape);
            assertPasses(op + " " + Shapes.str(shape), () -> f.apply(x), x);
        }
    }

    private void checkBinary(String op, java.util.function.BinaryOperator<Tensor> f) {
        int[][][] pairs = {
            {{3, 4}, {3, 4}}, {{3, 4}, {4}}, {{3, 4}, {3, 1}}, {{4}, {2, 4}}, {{}, {2, 3}},
            {{2, 1, 3}, {4, 1}}, {{1}, {5}},
        };
        for (int[][] p : pairs) {
            Tensor a = random(2f, 0.5f, p[0]);
            Tensor b = random(2f, 0.5f, p[1]);
            assertPasses(op + " " + Shapes.str(p[0]) + "," + Shapes.str(p[1]), () -> f.apply(a, b), a, b);
        }
    }

    @Test void neg() { checkUnary("neg", Tensor::neg, 0f); }
    @Test void exp() { checkUnary("exp", Tensor::exp, 0f); }
    @Test void relu() { checkUnary("relu", Tensor::relu, 0.05f); }
    @Test void sigmoid() { checkUnary("sigmoid", Tensor::sigmoid, 0f); }
    @Test void tanh() { checkUnary("tanh", Tensor::tanh, 0f); }
    @Test void silu() { checkUnary("silu", Tensor::silu, 0f); }

    @Test
    void log() {
        Tensor x = positive(3, 4);
        assertPasses("log", x::log, x);
    }

    @Test void add() { checkBinary("add", Tensor::add); }
    @Test void sub() { checkBinary("sub", Tensor::sub); }
    @Test void mul() { checkBinary("mul", Tensor::mul); }
    @Test void div() { checkBinary("div", Tensor::div); }

    @Test
    void scalarOperands() {
        Tensor x = random(2f, 0.5f, 3, 2);
        assertPasses("scalar mix", () -> x.add(1f).mul(0.5f).sub(2f).div(3f), x);
    }

    @Test
    void sums() {
        Tensor x = random(2f, 0f, 2, 3, 4);
        assertPasses("sum", x::sum, x);
        for (int axis = -3; axis < 3; axis++) {
            int a = axis;
            assertPasses("sum axis " + a, () -> x.sum(a), x);
            assertPasses("mean axis " + a, () -> x.mean(a), x);
        }
        assertPasses("mean", x::mean, x);
    }

    @Test
    void matmulAndTranspose() {
        Tensor a = random(1f, 0f, 5, 7);
        Tensor b = random(1f, 0f, 7, 3);
        assertPasses("matmul", () -> a.matmul(b), a, b);
        assertPasses("transpose", () -> a.transpose().matmul(a), a);
    }

    @Test
    void linear() {
        Tensor x = random(2f, 0f, 6, 5);
        Tensor w = random(1f, 0f, 5, 4);
        Tensor b = random(1f, 0f, 4);
        assertPasses("linear", () -> x.linear(w, b), x, w, b);
    }

    @Test
    void reshape() {
        Tensor x = random(2f, 0f, 2, 6);
        assertPasses("reshape", () -> x.reshape(3, -1).tanh(), x);
    }

    @Test
    void softmaxFamily() {
        Tensor x = random(3f, 0f, 4, 5);
        assertPasses("softmax", x::softmax, x);
        assertPasses("logSoftmax", x::logSoftmax, x);
        int[] labels = {0, 4, 2, 2};
        assertPasses("crossEntropy", () -> x.crossEntropy(labels), x);
    }
}
