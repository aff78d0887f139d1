package org.mnistmlp.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.commons.math3.random.Well19937c;
import org.mnistmlp.autograd.Activation;
import org.mnistmlp.autograd.GradientCheck;
import org.mnistmlp.autograd.NoGrad;
import org.mnistmlp.autograd.Tensor;
import org.mnistmlp.nn.CrossEntropyLoss;
import org.mnistmlp.nn.Init;
import org.mnistmlp.nn.Linear;
import org.mnistmlp.nn.Mlp;
import org.mnistmlp.nn.Module;
import org.mnistmlp.nn.Sequential;
import org.mnistmlp.nn.Softmax;
import org.mnistmlp.nn.Activations;

/** Finite-difference checks over every op and every layer, as run by {@code train.jar gradcheck}. */
final class GradCheckSuite {
    static final double TOLERANCE = 1e-3;

    /** One named check. */
    record Case(String name, Supplier<GradientCheck.Result> check) {}

    private GradCheckSuite() {}

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        unary(cases, "neg", Tensor::neg);
        unary(cases, "exp", Tensor::exp);
        unary(cases, "log", t -> t.mul(t).add(0.5f).log());
        unary(cases, "relu", Tensor::relu);
        unary(cases, "sigmoid", Tensor::sigmoid);
        unary(cases, "tanh", Tensor::tanh);
        unary(cases, "silu", Tensor::silu);
        unary(cases, "sum", Tensor::sum);
        unary(cases, "sum(axis 0)", t -> t.sum(0));
        unary(cases, "mean", Tensor::mean);
        unary(cases, "mean(axis 1)", t -> t.mean(1));
        unary(cases, "transpose", t -> t.transpose().mul(t.transpose()));
        unary(cases, "reshape", t -> t.reshape(-1).tanh());
        unary(cases, "softmax", Tensor::softmax);
        unary(cases, "logSoftmax", Tensor::logSoftmax);
        unary(cases, "crossEntropy", t -> t.crossEntropy(new int[] {0, 3, 4, 1}));
        binary(cases, "add (broadcast row)", Tensor::add, 5);
        binary(cases, "sub (broadcast row)", Tensor::sub, 5);
        binary(cases, "mul (broadcast row)", Tensor::mul, 5);
        binary(cases, "div (broadcast row)", Tensor::div, 5);
        cases.add(new Case("matmul", () -> {
            Tensor a = input(4, 5, 1);
            Tensor b = input(5, 3, 2);
            return GradientCheck.check(() -> a.matmul(b), a, b);
        }));
        cases.add(new Case("linear op", () -> {
            Tensor x = input(4, 5, 3);
            Tensor w = input(5, 3, 4);
            Tensor b = input(1, 3, 5).reshape(3);
            return GradientCheck.check(() -> x.linear(w, b), x, w, b);
        }));
        cases.add(new Case("Linear layer", () -> {
            Linear layer = new Linear(5, 3, Init.DEFAULT, new Well19937c(1));
            Tensor x = input(4, 5, 6);
            return GradientCheck.check(() -> layer.forward(x), x, layer.weight(), layer.bias());
        }));
        for (String name : Activations.names()) {
            cases.add(layerCase(name + " layer", Activations.byName(name)));
        }
        cases.add(layerCase("Softmax layer", new Softmax()));
        cases.add(new Case("CrossEntropyLoss", () -> {
            Tensor logits = input(4, 5, 7);
            return GradientCheck.check(() -> new CrossEntropyLoss().forward(logits, new int[] {1, 0, 4, 2}), logits);
        }));
        for (Activation a : Activation.values()) {
            cases.add(new Case("MLP 5-7-3 " + a.id(), () -> {
                Module mlp = Mlp.of(List.of(5, 7, 3), a.id(), Init.DEFAULT, 3);
                Tensor x = inputAwayFromKinks((Sequential) mlp);
                List<Tensor> wrt = new ArrayList<>(mlp.parameters());
                wrt.add(x);
                return GradientCheck.check(() -> new CrossEntropyLoss().forward(mlp.forward(x), new int[] {0, 1, 2, 0, 1, 2}),
                        wrt, GradientCheck.DEFAULT_STEP, GradientCheck.DEFAULT_FLOOR);
            }));
        }
        return cases;
    }

    /**
     * A 6×5 input whose first-layer outputs all lie more than 0.06 from zero, so that the finite
     * differences (which move them by at most about 0.03) never cross ReLU's kink.
     */
    private static Tensor inputAwayFromKinks(Sequential mlp) {
        for (long seed = 8; ; seed++) {
            Tensor x = input(6, 5, seed);
            try (NoGrad ignored = NoGrad.enter()) {
                if (GradientCheck.clearOfZero(mlp.layers().get(0).forward(x), 0.06f)) {
                    return x;
                }
            }
        }
    }

    private static Case layerCase(String name, Module layer) {
        return new Case(name, () -> {
            Tensor x = input(4, 5, 9);
            return GradientCheck.check(() -> layer.forward(x), x);
        });
    }

    private static void unary(List<Case> cases, String name, Function<Tensor, Tensor> f) {
        cases.add(new Case(name, () -> {
            Tensor x = input(4, 5, name.hashCode());
            return GradientCheck.check(() -> f.apply(x), x);
        }));
    }

    private static void binary(List<Case> cases, String name, java.util.function.BinaryOperator<Tensor> f, int cols) {
        cases.add(new Case(name, () -> {
            Tensor a = input(4, cols, name.hashCode());
            Tensor b = input(1, cols, name.hashCode() + 1).reshape(cols);
            return GradientCheck.check(() -> f.apply(a, b), a, b);
        }));
    }

    /** Values in ±[0.2, 1.5]: away from ReLU's kink and from division by zero. */
    private static Tensor input(int rows, int cols, long seed) {
        return GradientCheck.input(new Random(seed), 1.5f, 0.2f, rows, cols);
    }
}
