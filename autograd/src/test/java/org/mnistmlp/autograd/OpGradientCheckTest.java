package org.mnistmlp.autograd;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every op's backward against finite differences: the list the gradcheck command runs too. */
class OpGradientCheckTest {
    /** Floats per vector of the kernels under test on this machine. */
    private static final int VECTOR = FloatVector.SPECIES_PREFERRED.length();
    /** Methods of Tensor that return a tensor but are not ops. */
    private static final Set<String> NOT_OPS = Set.of("grad", "detach", "requiresGrad");

    static Stream<GradientCheck.Case> cases() {
        return OpGradientChecks.cases(VECTOR).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void backwardMatchesFiniteDifferences(GradientCheck.Case c) {
        GradientCheck.Result r = c.run();
        assertTrue(r.passes(GradientCheck.TOLERANCE), c.name() + ": " + r);
    }

    @Test
    void everyOpOfTensorHasACase() {
        List<String> names = OpGradientChecks.cases(VECTOR).stream().map(GradientCheck.Case::name).toList();
        for (Method m : Tensor.class.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers())
                    && m.getReturnType() == Tensor.class && !NOT_OPS.contains(m.getName())) {
                assertTrue(names.stream().anyMatch(n -> n.startsWith(m.getName() + " ")), "no gradient check of " + m.getName());
            }
        }
    }

    @Test
    void vectorKernelsAreCheckedAtTwoAndThreeVectorsWithATail() {
        List<String> names = OpGradientChecks.cases(VECTOR).stream().map(GradientCheck.Case::name).toList();
        for (String op : List.of("relu", "sigmoid", "tanh", "silu")) {
            assertTrue(names.contains(op + " [3, " + (2 * VECTOR + 3) + "]"), op);
            assertTrue(names.contains(op + " [2, " + (3 * VECTOR + 7) + "]"), op);
        }
        assertTrue(names.contains("matmul [5, 6] by [6, " + (4 * VECTOR + 5) + "]"), names.toString());
        assertTrue(2 * OpGradientChecks.WIDEST_VECTOR + 3 >= 2 * VECTOR + 3, "the command's list reaches as far on this machine");
    }
}
