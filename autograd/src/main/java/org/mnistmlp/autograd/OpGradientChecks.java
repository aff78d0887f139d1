package org.mnistmlp.autograd;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

/**
 * The gradient checks of every op of {@link Tensor}, at several shapes each: the one list that the
 * tests and the program's {@code gradcheck} command both run, so that neither can miss an op. Each
 * case's name starts with the name of the {@code Tensor} method it checks. Widths of two and three
 * vectors plus an odd tail take the Vector API kernels through their whole-vector loops and their
 * scalar tails; products of 4 rows by 4 vectors and more reach the register-blocked path, and products
 * narrower than a vector the row-vector one ({@code matmul}) or the transposed one (the others).
 */
public final class OpGradientChecks {
    /** The most floats a vector register holds on the machines the kernels target (AVX-512). */
    public static final int WIDEST_VECTOR = 16;

    private OpGradientChecks() {}

    /** The cases, with widths chosen for vectors of up to {@link #WIDEST_VECTOR} floats. */
    public static List<GradientCheck.Case> cases() {
        return cases(WIDEST_VECTOR);
    }

    /**
     * The cases, with widths of at least two whole vectors of {@code vectorLength} floats plus a tail:
     * {@code 2·L+3} and {@code 3·L+7} columns, and {@code 4·L+5} for the blocked matrix products.
     */
    static List<GradientCheck.Case> cases(int vectorLength) {
        int two = 2 * vectorLength + 3;
        int three = 3 * vectorLength + 7;
        int four = 4 * vectorLength + 5;
        int[][] shapes = {{}, {5}, {3, 4}, {2, 3, 2}, {3, two}, {2, three}};
        List<GradientCheck.Case> cases = new ArrayList<>();
        unary(cases, "neg", Tensor::neg, shapes);
        unary(cases, "exp", Tensor::exp, shapes);
        unary(cases, "relu", Tensor::relu, shapes);
        unary(cases, "sigmoid", Tensor::sigmoid, shapes);
        unary(cases, "tanh", Tensor::tanh, shapes);
        unary(cases, "silu", Tensor::silu, shapes);
        unary(cases, "map", x -> x.map(SOFTPLUS), new int[][] {{3, 4}, {2, two}});
        unary(cases, "log", x -> x.mul(x).add(0.5f).log(), new int[][] {{3, 4}, {2, two}});
        int[][][] pairs = {
            {{3, 4}, {3, 4}}, {{3, 4}, {4}}, {{3, 4}, {3, 1}}, {{4}, {2, 4}}, {{}, {2, 3}}, {{2, 1, 3}, {4, 1}}, {{1}, {5}},
            {{2, two}, {two}},
        };
        binary(cases, "add", Tensor::add, pairs);
        binary(cases, "sub", Tensor::sub, pairs);
        binary(cases, "mul", Tensor::mul, pairs);
        binary(cases, "div", Tensor::div, pairs);
        unary(cases, "add/sub/mul/div by a number", x -> x.add(1f).mul(0.5f).sub(2f).div(3f), new int[][] {{3, 2}});
        unary(cases, "sum", Tensor::sum, new int[][] {{2, 3, 4}, {2, three}});
        unary(cases, "mean", Tensor::mean, new int[][] {{2, 3, 4}});
        for (int axis = -3; axis < 3; axis++) {
            int a = axis;
            unary(cases, "sum axis=" + a, x -> x.sum(a), new int[][] {{2, 3, 4}});
            unary(cases, "mean axis=" + a, x -> x.mean(a), new int[][] {{2, 3, 4}});
        }
        product(cases, "matmul", new int[][] {{5, 7, 3}, {5, 6, two}, {5, 6, four}, {vectorLength + 3, 4, 3}});
        product(cases, "linear", new int[][] {{6, 5, 4}, {5, 6, two}, {5, 6, four}, {vectorLength + 3, 4, 3}});
        unary(cases, "transpose", Tensor::transpose, new int[][] {{5, 7}, {3, two}});
        unary(cases, "reshape", x -> x.reshape(3, -1), new int[][] {{2, 6}});
        int[][] rows = {{6}, {1, 3}, {4, 5}, {3, two}, {2, 3, 4}};
        rowwise(cases, "softmax", Tensor::softmax, rows);
        rowwise(cases, "logSoftmax", Tensor::logSoftmax, rows);
        for (int[] shape : new int[][] {{1, 2}, {4, 5}, {3, two}, {8, 10}}) {
            cases.add(new GradientCheck.Case("crossEntropy " + Shapes.str(shape), () -> {
                Random random = new Random(Shapes.str(shape).hashCode());
                Tensor logits = GradientCheck.input(random, 3f, 0f, shape);
                int[] labels = random.ints(shape[0], 0, shape[1]).toArray();
                return GradientCheck.check(() -> logits.crossEntropy(labels), logits);
            }));
        }
        return cases;
    }

    /** softplus(x) = log(1 + eˣ), whose derivative is σ(x): a function given one element at a time. */
    private static final ScalarFunction SOFTPLUS = new ScalarFunction("softplus") {
        @Override protected float value(float x) { return (float) Math.log1p(Math.exp(x)); }
        @Override protected float derivative(float x, float y) { return Activation.SIGMOID.value(x); }
    };

    /**
     * Inputs of magnitude in [0.05, 2]: the gap keeps ReLU's kink, log's and division's poles further
     * than the stencil reaches (2 × {@link GradientCheck#DEFAULT_STEP}).
     */
    private static Tensor input(String seed, int... shape) {
        return GradientCheck.input(new Random(seed.hashCode()), 2f, 0.05f, shape);
    }

    private static void unary(List<GradientCheck.Case> cases, String op, UnaryOperator<Tensor> f, int[][] shapes) {
        for (int[] shape : shapes) {
            String name = op + " " + Shapes.str(shape);
            cases.add(new GradientCheck.Case(name, () -> {
                Tensor x = input(name, shape);
                return GradientCheck.check(() -> f.apply(x), x);
            }));
        }
    }

    /**
     * Checks of ops over whole rows, with a step of 0.1: each output moves with every input of its row,
     * so at the default step the float32 rounding of wide rows (noise that shrinks as 1/step) would
     * dominate the differences; these ops are smooth, and the 5-point stencil's own error at 0.1 is
     * of order step⁴, far below the tolerance.
     */
    private static void rowwise(List<GradientCheck.Case> cases, String op, UnaryOperator<Tensor> f, int[][] shapes) {
        for (int[] shape : shapes) {
            String name = op + " " + Shapes.str(shape);
            cases.add(new GradientCheck.Case(name, () -> {
                Tensor x = GradientCheck.input(new Random(name.hashCode()), 1f, 0f, shape);
                return GradientCheck.check(() -> f.apply(x), List.of(x), 0.1, GradientCheck.DEFAULT_FLOOR);
            }));
        }
    }

    private static void binary(List<GradientCheck.Case> cases, String op, BinaryOperator<Tensor> f, int[][][] pairs) {
        for (int[][] p : pairs) {
            String name = op + " " + Shapes.str(p[0]) + " and " + Shapes.str(p[1]);
            cases.add(new GradientCheck.Case(name, () -> {
                Tensor a = input(name, p[0]);
                Tensor b = GradientCheck.input(new Random(name.hashCode() + 1L), 2f, 0.5f, p[1]);   // a divisor away from 0
                return GradientCheck.check(() -> f.apply(a, b), a, b);
            }));
        }
    }

    /** {@code matmul} or {@code linear} of an m×k input by a k×n weight (and an n bias), for each {m, k, n}. */
    private static void product(List<GradientCheck.Case> cases, String op, int[][] mkn) {
        for (int[] s : mkn) {
            String name = op + " [" + s[0] + ", " + s[1] + "] by [" + s[1] + ", " + s[2] + "]";
            cases.add(new GradientCheck.Case(name, () -> {
                Random random = new Random(name.hashCode());
                Tensor x = GradientCheck.input(random, 1f, 0f, s[0], s[1]);
                Tensor w = GradientCheck.input(random, 1f, 0f, s[1], s[2]);
                if (op.equals("matmul")) {
                    return GradientCheck.check(() -> x.matmul(w), x, w);
                }
                Tensor b = GradientCheck.input(random, 1f, 0f, s[2]);
                return GradientCheck.check(() -> x.linear(w, b), x, w, b);
            }));
        }
    }
}
