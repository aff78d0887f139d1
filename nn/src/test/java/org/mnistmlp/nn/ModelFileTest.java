package org.mnistmlp.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistmlp.autograd.Tensor;

class ModelFileTest {
    @TempDir
    Path dir;

    private final Tensor x = TestTensors.uniform(new Random(5), 1f, 0f, 3, 4);

    private static Sequential mlp(List<Integer> sizes, long seed) {
        return Mlp.of(sizes, "tanh", Init.DEFAULT, seed);
    }

    private String loadError(Module model, Path file) {
        String message = assertThrows(ModelFileException.class, () -> ModelFile.load(model, file)).getMessage();
        assertFalse(message.contains("\n"), "one line: " + message);
        return message;
    }

    @Test
    void aRoundTripRestoresIdenticalOutputs() {
        Sequential saved = mlp(List.of(4, 6, 2), 1);
        Path file = dir.resolve("model.bin");
        ModelFile.save(saved, file);

        Sequential other = mlp(List.of(4, 6, 2), 2);
        assertFalse(Arrays.equals(saved.forward(x).data(), other.forward(x).data()), "different seeds differ first");
        ModelFile.load(other, file);
        assertArrayEquals(saved.forward(x).data(), other.forward(x).data());
    }

    @Test
    void theFileFollowsTheDocumentedLayout() throws IOException {
        Linear layer = new Linear(2, 3, new Well19937c(1));
        Path file = dir.resolve("linear.bin");
        ModelFile.save(layer, file);
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file));   // big-endian, as documented
        assertEquals(ModelFile.MAGIC, b.getInt());
        assertEquals(ModelFile.VERSION, b.getInt());
        assertEquals(2, b.getInt());
        byte[] name = new byte[b.getShort()];
        b.get(name);
        assertEquals("weight", new String(name, java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(2, b.getInt());
        assertArrayEquals(new int[] {2, 3}, new int[] {b.getInt(), b.getInt()});
        for (float w : layer.weight().data()) {
            assertEquals(w, b.getFloat());
        }
        assertEquals(4 + 4 + 4 + (2 + 6 + 4 + 8 + 6 * 4) + (2 + 4 + 4 + 4 + 3 * 4), Files.size(file));
    }

    @Test
    void saveReplacesAnExistingFileAndLeavesNoTemporaryFileBehind() throws IOException {
        Path file = dir.resolve("sub").resolve("model.bin");
        ModelFile.save(mlp(List.of(4, 6, 2), 1), file);
        long before = Files.size(file);
        ModelFile.save(mlp(List.of(4, 3, 2), 1), file);
        assertTrue(Files.size(file) < before, "the smaller model replaced the file");
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void aFailedSaveLeavesNoTemporaryFile() throws IOException {
        Path folder = dir.resolve("taken");
        Files.createDirectories(folder.resolve("model.bin"));   // a folder where the file should go
        Files.writeString(folder.resolve("model.bin").resolve("keep"), "x");
        assertThrows(ModelFileException.class, () -> ModelFile.save(mlp(List.of(4, 6, 2), 1), folder.resolve("model.bin")));
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of(folder.resolve("model.bin")), files.toList());
        }
    }

    @Test
    void aShapeMismatchNamesTheParameterAndBothShapes() {
        Path file = dir.resolve("model.bin");
        ModelFile.save(mlp(List.of(4, 6, 2), 1), file);
        Sequential wider = mlp(List.of(4, 8, 2), 1);
        float[] before = wider.parameters().get(0).data().clone();
        String message = loadError(wider, file);
        assertTrue(message.contains("'0.weight' has shape [4, 6] in the file but [4, 8] in the model"), message);
        assertArrayEquals(before, wider.parameters().get(0).data(), "a rejected file changes nothing");
    }

    @Test
    void aNameMismatchNamesBothNames() {
        Path file = dir.resolve("model.bin");
        ModelFile.save(new Sequential(new Linear(4, 2, new Well19937c(1))), file);
        Sequential shifted = new Sequential(new ReLU(), new Linear(4, 2, new Well19937c(1)));
        String message = loadError(shifted, file);
        assertTrue(message.contains("'0.weight' in the file, the model expects '1.weight'"), message);
    }

    @Test
    void aDifferentParameterCountIsRejected() {
        Path file = dir.resolve("model.bin");
        ModelFile.save(mlp(List.of(4, 6, 2), 1), file);
        String message = loadError(mlp(List.of(4, 6, 6, 2), 1), file);
        assertTrue(message.contains("holds 4 parameters, the model has 6"), message);
    }

    @Test
    void aTruncatedFileIsRejected() throws IOException {
        Path file = dir.resolve("model.bin");
        Sequential model = mlp(List.of(4, 6, 2), 1);
        ModelFile.save(model, file);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 3));
        assertTrue(loadError(model, file).contains("truncated"));
    }

    @Test
    void trailingBytesAreRejected() throws IOException {
        Path file = dir.resolve("model.bin");
        Sequential model = mlp(List.of(4, 6, 2), 1);
        ModelFile.save(model, file);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length + 1));
        assertTrue(loadError(model, file).contains("after the last parameter"));
    }

    @Test
    void aFileOfAnotherKindIsRejected() throws IOException {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "these are not weights at all");
        String message = loadError(mlp(List.of(4, 6, 2), 1), file);
        assertTrue(message.contains("not a model file"), message);
    }

    @Test
    void aMissingFileIsReportedWithItsName() {
        Path file = dir.resolve("absent.bin");
        String message = loadError(mlp(List.of(4, 6, 2), 1), file);
        assertTrue(message.contains("absent.bin does not exist"), message);
    }
}
