package org.mnistmlp.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MlpSpecTest {

    @Test
    void describeReadsTheArchitectureBackFromABuiltNetwork() {
        for (String activation : Activations.names()) {
            MlpSpec spec = new MlpSpec(6, List.of(5, 4), 3, activation);
            assertEquals(spec, MlpSpec.describe(spec.build(1)));
            assertEquals(spec.parameterCount(), spec.build(1).parameterCount());
        }
        assertEquals(new MlpSpec(6, List.of(), 3, "none"), MlpSpec.describe(new Sequential(new Linear(6, 3))));
    }

    @Test
    void buildMatchesMlpOfWithTheSameSeed() {
        Sequential a = new MlpSpec(6, List.of(5), 3, "SiLU").build(9);
        Sequential b = Mlp.of(List.of(6, 5, 3), "silu", Init.DEFAULT, 9);
        for (int i = 0; i < a.parameters().size(); i++) {
            assertArrayEquals(b.parameters().get(i).data(), a.parameters().get(i).data());
        }
    }

    @Test
    void theMapFormRoundTrips() {
        MlpSpec spec = new MlpSpec(784, List.of(512, 256), 10, "relu");
        assertEquals(Map.of("inputs", "784", "hidden", "512,256", "classes", "10", "activation", "relu"), spec.toMap());
        assertEquals(spec, MlpSpec.fromMap(spec.toMap()));
        MlpSpec linear = new MlpSpec(784, List.of(), 10, "tanh");
        assertEquals("784-10 none", linear.toString());
        assertEquals(linear, MlpSpec.fromMap(linear.toMap()));
    }

    @Test
    void dropoutIsPartOfTheArchitecture(@TempDir Path dir) {
        MlpSpec spec = new MlpSpec(6, List.of(5, 4), 3, "relu", 0.2, 0.5);
        Sequential model = spec.build(7);
        assertEquals(List.of("Dropout(p=0.2)", "Linear(6 → 5)", "ReLU", "Dropout(p=0.5)", "Linear(5 → 4)", "ReLU", "Dropout(p=0.5)",
                "Linear(4 → 3)"), model.layers().stream().map(Object::toString).toList());
        assertEquals(spec, MlpSpec.describe(model));
        assertEquals(Map.of("inputs", "6", "hidden", "5,4", "classes", "3", "activation", "relu", "input_dropout", "0.2",
                "dropout", "0.5"), spec.toMap());
        assertEquals(spec, MlpSpec.fromMap(spec.toMap()));
        assertEquals("6-5-4-3 relu, input dropout 0.2, dropout 0.5", spec.toString());

        Path file = dir.resolve("model.bin");
        ModelFile.save(model, Map.of(), file);
        SavedModel read = ModelFile.read(file);
        assertEquals(spec, read.architecture());
        assertEquals(model.namedParameters().keySet(), read.model().namedParameters().keySet(), "names shift past the dropout layers");
        assertThrows(ModelFileException.class, () -> ModelFile.load(new MlpSpec(6, List.of(5, 4), 3, "relu").build(7), file),
                "a network without the dropout is another architecture");
    }

    @Test
    void dropoutAnywhereElseIsNotAnMlp() {
        Sequential misplaced = new Sequential(new Linear(6, 5), new Dropout(0.5, 1), new ReLU(), new Linear(5, 3));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MlpSpec.describe(misplaced)).getMessage()
                .contains("its dropout is not on the input and after every hidden activation"));
        Sequential mixed = new Sequential(new Linear(6, 5), new ReLU(), new Dropout(0.5, 1), new Linear(5, 4), new ReLU(),
                new Dropout(0.3, 1), new Linear(4, 3));
        assertThrows(IllegalArgumentException.class, () -> MlpSpec.describe(mixed));
    }

    @Test
    void badMapsAndShapesAreRefusedByName() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MlpSpec.fromMap(Map.of("inputs", "4")))
                .getMessage().contains("'hidden'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MlpSpec.fromMap(
                Map.of("inputs", "4", "hidden", "3,,2", "classes", "2", "activation", "relu"))).getMessage().contains("whole number"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new MlpSpec(4, List.of(0), 2, "relu"))
                .getMessage().contains("4 → 0 → 2"));
        assertThrows(IllegalArgumentException.class, () -> MlpSpec.describe(new Linear(4, 2)));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MlpSpec.describe(
                new Sequential(new Linear(4, 3), new ReLU(), new Linear(3, 3), new Tanh(), new Linear(3, 2))))
                .getMessage().contains("mixes the activations relu and tanh"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MlpSpec.describe(
                new Sequential(new Linear(4, 3), new ReLU(), new Linear(5, 2)))).getMessage().contains("takes 5 inputs"));
    }

    @Test
    void theParameterCountOfAnImpossibleNetworkOverflowsLoudly() {
        int max = Integer.MAX_VALUE;
        assertThrows(ArithmeticException.class, () -> new MlpSpec(max, List.of(max, max, max, max, max), max, "relu").parameterCount());
    }
}
