package org.mnistmlp.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;
import org.mnistmlp.autograd.Tensor;

/** Parameters, modes, descriptions and the MLP builder. */
class ModuleTest {
    private final Sequential mlp = Mlp.of(List.of(5, 7, 3), "silu", Init.DEFAULT, 1);

    @Test
    void parametersAreNamedByPositionInAStableOrder() {
        Map<String, Tensor> named = mlp.namedParameters();
        assertEquals(List.of("0.weight", "0.bias", "2.weight", "2.bias"), List.copyOf(named.keySet()));
        Linear first = (Linear) mlp.layers().get(0);
        assertSame(first.weight(), named.get("0.weight"));
        assertArrayEquals(new int[] {5, 7}, named.get("0.weight").shape());
        assertArrayEquals(new int[] {3}, named.get("2.bias").shape());
        assertEquals(List.copyOf(named.values()), mlp.parameters());
        assertTrue(mlp.parameters().stream().allMatch(Tensor::requiresGrad));
    }

    @Test
    void nestedContainersJoinNamesWithDots() {
        Well19937c rng = new Well19937c(2);
        Sequential outer = new Sequential(new Sequential(new Linear(2, 3, rng), new ReLU()), new Linear(3, 1, rng));
        assertEquals(List.of("0.0.weight", "0.0.bias", "1.weight", "1.bias"), List.copyOf(outer.namedParameters().keySet()));
    }

    @Test
    void aModuleUsedTwiceListsItsParametersOnce() {
        Linear shared = new Linear(4, 4, new Well19937c(6));
        Sequential twice = new Sequential(shared, new ReLU(), shared);
        assertEquals(List.of("0.weight", "0.bias"), List.copyOf(twice.namedParameters().keySet()), "PyTorch's names, first use");
        assertEquals(List.of(shared.weight(), shared.bias()), twice.parameters());
        assertEquals(4 * 4 + 4, twice.parameterCount());

        Tensor x = TestTensors.uniform(new Random(4), 1f, 0f, 3, 4);
        twice.forward(x).sum().backward();
        float[] once = shared.weight().grad().toArray();
        twice.zeroGrad();
        assertTrue(allZero(shared.weight().grad().toArray()), "zeroGrad reaches the shared weight");
        twice.forward(x).sum().backward();
        assertArrayEquals(once, shared.weight().grad().toArray(), "both uses add into one gradient, once per backward");
    }

    private static boolean allZero(float[] values) {
        for (float v : values) {
            if (v != 0f) {
                return false;
            }
        }
        return true;
    }

    @Test
    void modulesListsEveryDescendantDepthFirst() {
        Well19937c rng = new Well19937c(2);
        Linear a = new Linear(2, 3, rng);
        ReLU relu = new ReLU();
        Linear b = new Linear(3, 1, rng);
        Sequential inner = new Sequential(a, relu);
        Sequential outer = new Sequential(inner, b);
        List<Module> all = outer.modules();
        assertEquals(5, all.size());
        List<Module> expected = List.of(outer, inner, a, relu, b);
        for (int i = 0; i < expected.size(); i++) {
            assertSame(expected.get(i), all.get(i), "position " + i);
        }
        assertEquals(List.of(relu), relu.modules());
    }

    @Test
    void parameterCountAddsUpWeightsAndBiases() {
        assertEquals(5 * 7 + 7 + 7 * 3 + 3, mlp.parameterCount());
        assertEquals(0, new ReLU().parameterCount());
    }

    @Test
    void modeSwitchesReachEveryLayer() {
        assertTrue(mlp.isTraining(), "modules start in training mode");
        assertSame(mlp, mlp.eval());
        assertTrue(mlp.layers().stream().noneMatch(Module::isTraining));
        mlp.train();
        assertTrue(mlp.layers().stream().allMatch(Module::isTraining));
    }

    @Test
    void zeroGradClearsEveryParameterGradient() {
        Tensor x = TestTensors.uniform(new Random(3), 1f, 0f, 4, 5);
        mlp.forward(x).sum().backward();
        assertTrue(mlp.parameters().stream().allMatch(p -> p.grad() != null && maxAbs(p.grad()) > 0));
        mlp.zeroGrad();
        for (Tensor p : mlp.parameters()) {
            assertEquals(0f, maxAbs(p.grad()));
        }
    }

    private static float maxAbs(Tensor t) {
        float m = 0;
        for (float v : t.data()) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    @Test
    void sequentialFeedsEachLayerIntoTheNext() {
        Linear a = (Linear) mlp.layers().get(0);
        Linear b = (Linear) mlp.layers().get(2);
        Tensor x = TestTensors.uniform(new Random(4), 1f, 0f, 2, 5);
        Tensor expected = x.linear(a.weight(), a.bias()).silu().linear(b.weight(), b.bias());
        assertArrayEquals(expected.data(), mlp.forward(x).data());
    }

    @Test
    void descriptionListsTheLayers() {
        String expected = "Sequential(\n  (0): Linear(5 → 7)\n  (1): SiLU\n  (2): Linear(7 → 3)\n)";
        assertEquals(expected, mlp.toString());
        assertEquals("Softmax", new Softmax().toString());
    }

    @Test
    void mlpPutsTheActivationBetweenLinearLayersOnly() {
        Sequential deep = Mlp.of(List.of(4, 8, 6, 2), "tanh", Init.XAVIER, 1);
        List<Module> layers = deep.layers();
        assertEquals(5, layers.size());
        assertInstanceOf(Tanh.class, layers.get(1));
        assertInstanceOf(Tanh.class, layers.get(3));
        assertEquals(List.of(4, 8, 6), List.of(((Linear) layers.get(0)).inFeatures(),
                ((Linear) layers.get(2)).inFeatures(), ((Linear) layers.get(4)).inFeatures()));
        assertEquals(2, ((Linear) layers.get(4)).outFeatures());
    }

    @Test
    void activationNamesAreCaseInsensitive() {
        assertInstanceOf(ReLU.class, Activations.byName("ReLU"));
        assertInstanceOf(Sigmoid.class, Activations.byName("sigmoid"));
        assertInstanceOf(SiLU.class, Activations.byName(" SILU "));
    }

    @Test
    void anUnknownActivationIsRejectedListingTheValidNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Mlp.of(List.of(784, 10), "gelu", Init.DEFAULT, 1));
        assertEquals("unknown activation 'gelu'; choose one of relu, sigmoid, tanh, silu", e.getMessage());
    }

    @Test
    void badSizesAreRejected() {
        IllegalArgumentException tooFew = assertThrows(IllegalArgumentException.class,
                () -> Mlp.of(List.of(784), "relu", Init.DEFAULT, 1));
        assertTrue(tooFew.getMessage().contains("[784]"), tooFew.getMessage());
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> Mlp.of(List.of(784, 0, 10), "relu", Init.DEFAULT, 1));
        assertTrue(zero.getMessage().contains("784 → 0"), zero.getMessage());
        assertThrows(IllegalArgumentException.class, Sequential::new);
    }

    @Test
    void aWrongInputWidthNamesBothShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> mlp.forward(Tensor.zeros(2, 6)));
        assertNotNull(e.getMessage());
        assertTrue(e.getMessage().contains("[2, 6]") && e.getMessage().contains("[5, 7]"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }
}
