package org.mnistmlp.autograd;

import java.util.List;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.apache.commons.math3.analysis.differentiation.FiniteDifferencesDifferentiator;
import org.apache.commons.math3.analysis.differentiation.UnivariateDifferentiableFunction;
import org.apache.commons.math3.random.Well19937c;

/**
 * Checks analytic gradients against finite differences.
 *
 * <p>The output of the function under test is reduced to a scalar with fixed random weights (a plain
 * sum would hide errors that cancel), its gradient is taken with {@link Tensor#backward(Tensor)}, and
 * each input element's derivative is estimated with a 5-point central stencil (Commons Math's
 * {@link FiniteDifferencesDifferentiator}). The reported error of an element is
 * {@code |analytic - numeric| / max(|analytic|, |numeric|, floor)}; the floor keeps float32 rounding
 * noise on near-zero derivatives from counting as a relative error. So derivatives larger than the
 * floor are compared relatively, and smaller ones absolutely: with the default floor of 5e-2 and the
 * project's {@link #TOLERANCE} of 1e-3, derivatives below 5e-2 must agree to within 5e-5
 * (= 5e-2 × 1e-3), an absolute floor.
 *
 * <p>The project's checks of every op and layer are lists of {@link Case}s ({@link OpGradientChecks} in
 * this module, its counterpart for the layers in {@code nn}), run both by the tests and by the
 * program's {@code gradcheck} command.
 *
 * <pre>{@code
 * Tensor x = Tensor.of(values, 3, 4).requiresGrad(true);
 * GradientCheck.Result r = GradientCheck.check(() -> x.tanh().sum(0), x);
 * assert r.worstRelativeError() < 1e-3;
 * }</pre>
 */
public final class GradientCheck {
    /** The default finite-difference step. */
    public static final double DEFAULT_STEP = 1e-2;
    /** Derivatives smaller than this are compared absolutely, scaled by it: below it float32 rounding dominates. */
    public static final double DEFAULT_FLOOR = 5e-2;
    /** The worst relative error the project's checks accept; with the default floor, an absolute 5e-5 on small derivatives. */
    public static final double TOLERANCE = 1e-3;

    private static final long WEIGHT_SEED = 20_241_122L;

    private GradientCheck() {}

    /**
     * The worst disagreement between analytic and numeric gradients.
     *
     * @param worstRelativeError the largest per-element error
     * @param input index of the input tensor where it occurred
     * @param element flat index of the element within that input
     * @param analytic the analytic derivative there
     * @param numeric the finite-difference derivative there
     */
    public record Result(double worstRelativeError, int input, int element, double analytic, double numeric) {
        /** Whether the worst error is within {@code tolerance}. */
        public boolean passes(double tolerance) {
            return worstRelativeError <= tolerance;
        }

        @Override
        public String toString() {
            return String.format("worst relative error %.3g at input %d element %d (analytic %.6g, numeric %.6g)",
                    worstRelativeError, input, element, analytic, numeric);
        }
    }

    /**
     * One named check, to run when asked: the unit of the lists shared by the tests and the
     * {@code gradcheck} command.
     *
     * @param name what is checked and at which shapes, starting with the op's or layer's name
     * @param check builds fresh inputs and runs the check
     */
    public record Case(String name, Supplier<Result> check) {
        /** Runs the check. */
        public Result run() {
            return check.get();
        }
    }

    /** Checks with the default step and floor. */
    public static Result check(Supplier<Tensor> function, Tensor... inputs) {
        return check(function, List.of(inputs), DEFAULT_STEP, DEFAULT_FLOOR);
    }

    /**
     * Checks the gradient of {@code function}'s output with respect to each of {@code inputs}.
     * The function must recompute its output from the inputs' current values each time it is called;
     * the inputs are perturbed in place and restored.
     */
    public static Result check(Supplier<Tensor> function, List<Tensor> inputs, double step, double floor) {
        for (Tensor in : inputs) {
            in.requiresGrad(true).zeroGrad();
        }
        Tensor output = function.get();
        float[] weights = randomWeights(output.numel());
        output.backward(Tensor.of(weights, output.shape()));

        FiniteDifferencesDifferentiator differentiator = new FiniteDifferencesDifferentiator(5, step);
        Result worst = new Result(0, -1, -1, 0, 0);
        for (int t = 0; t < inputs.size(); t++) {
            Tensor in = inputs.get(t);
            float[] analytic = in.grad() == null ? new float[in.numel()] : in.grad().toArray();
            float[] values = in.data();   // perturbed in place, one element at a time, and restored
            for (int e = 0; e < values.length; e++) {
                UnivariateDifferentiableFunction f = differentiator.differentiate(
                        weightedOutputAsFunctionOf(function, values, e, weights));
                double numeric = f.value(new DerivativeStructure(1, 1, 0, values[e])).getPartialDerivative(1);
                double a = analytic[e];
                double error = Math.abs(a - numeric) / Math.max(floor, Math.max(Math.abs(a), Math.abs(numeric)));
                if (!(error <= worst.worstRelativeError())) {   // also catches NaN
                    worst = new Result(error, t, e, a, numeric);
                }
            }
        }
        return worst;
    }

    /**
     * Inputs for a check: magnitudes uniform in [gap, scale] with random signs. A gap larger than the
     * stencil's reach (2·step) keeps kinks at zero (ReLU) and poles (division) out of the differences.
     */
    public static Tensor input(RandomGenerator random, float scale, float gap, int... shape) {
        float[] d = new float[Shapes.size(shape)];
        for (int i = 0; i < d.length; i++) {
            float v = gap + (scale - gap) * random.nextFloat();
            d[i] = random.nextBoolean() ? v : -v;
        }
        return Tensor.of(d, shape);
    }

    /**
     * Whether every value lies more than {@code gap} from zero: for pre-activations, that the
     * differences will not step across ReLU's kink.
     */
    public static boolean clearOfZero(Tensor values, float gap) {
        for (float v : values.values()) {
            if (!(Math.abs(v) > gap)) {
                return false;
            }
        }
        return true;
    }

    private static UnivariateFunction weightedOutputAsFunctionOf(Supplier<Tensor> function, float[] data, int e, float[] weights) {
        return v -> {
            float saved = data[e];
            data[e] = (float) v;
            try (NoGrad ignored = NoGrad.enter()) {
                float[] out = function.get().values();
                double s = 0;
                for (int i = 0; i < out.length; i++) {
                    s += (double) out[i] * weights[i];
                }
                return s;
            } finally {
                data[e] = saved;
            }
        };
    }

    private static float[] randomWeights(int n) {
        Well19937c rng = new Well19937c(WEIGHT_SEED);
        float[] w = new float[n];
        for (int i = 0; i < n; i++) {
            w[i] = 0.5f + rng.nextFloat();
        }
        return w;
    }
}
