package org.mnistmlp.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistmlp.autograd.Tensor;

class ModelFileTest {
    @TempDir
    Path dir;

    private final Tensor x = TestTensors.uniform(new Random(5), 1f, 0f, 3, 4);

    private static Sequential mlp(List<Integer> sizes, String activation, long seed) {
        return Mlp.of(sizes, activation, Init.DEFAULT, seed);
    }

    private static Sequential mlp(List<Integer> sizes, long seed) {
        return mlp(sizes, "tanh", seed);
    }

    private static String loadError(Module model, Path file) {
        return Refusals.refusedLeavingUnchanged(model, () -> ModelFile.load(model, file));
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
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
    void savingBetweenForwardAndBackwardLeavesTheGraphUsable() {
        Sequential model = mlp(List.of(4, 6, 2), 1);
        Tensor loss = model.forward(x).sum();
        ModelFile.save(model, dir.resolve("model.bin"));   // reads the parameters: not an in-place change
        loss.backward();
        assertTrue(model.parameters().get(0).grad() != null, "the backward pass ran");
    }

    @Test
    void readRebuildsTheNetworkWithItsMetadataFromTheFileAlone() {
        Sequential saved = mlp(List.of(4, 6, 5, 2), "silu", 1);
        Path file = dir.resolve("model.bin");
        ModelFile.save(saved, Map.of("dataset", "fashion-mnist", "mean", "0.286"), file);

        SavedModel read = ModelFile.read(file);
        assertEquals(new MlpSpec(4, List.of(6, 5), 2, "silu"), read.architecture());
        assertEquals(Map.of("dataset", "fashion-mnist", "mean", "0.286"), read.metadata());
        assertEquals(saved.toString(), read.model().toString());
        assertArrayEquals(saved.forward(x).data(), read.model().forward(x).data());
    }

    @Test
    void theFileFollowsTheDocumentedLayout() throws IOException {
        Sequential model = new Sequential(new Linear(2, 3, new Well19937c(1)), new ReLU(), new Linear(3, 1, new Well19937c(2)));
        Path file = dir.resolve("model.bin");
        ModelFile.save(model, Map.of("dataset", "mnist"), file);
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer b = ByteBuffer.wrap(bytes);   // big-endian, as documented
        assertEquals(0x4D4C5057, b.getInt());
        assertEquals(2, b.getInt());
        byte[] header = new byte[b.getInt()];
        b.get(header);
        assertEquals("{\"architecture\":{\"inputs\":\"2\",\"hidden\":\"3\",\"classes\":\"1\",\"activation\":\"relu\"},"
                + "\"metadata\":{\"dataset\":\"mnist\"}}", new String(header, StandardCharsets.UTF_8));
        for (Tensor p : model.parameters()) {
            for (float v : p.data()) {
                assertEquals(v, b.getFloat());
            }
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, b.position());
        assertEquals((int) crc.getValue(), b.getInt());
        assertEquals(bytes.length, b.position());
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
    void fileSystemErrorsAreToldInPlainWordsWithoutTemporaryNames() throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("notes"), "x");
        Path underAFile = notAFolder.resolve("model.bin");
        Sequential model = mlp(List.of(4, 6, 2), 1);
        assertEquals("cannot write model file " + underAFile + ": " + notAFolder + " is not a folder",
                assertThrows(ModelFileException.class, () -> ModelFile.save(model, underAFile)).getMessage());
        Path aFolder = Files.createDirectories(dir.resolve("run"));
        assertEquals("cannot write model file " + aFolder + ": it is a folder",
                assertThrows(ModelFileException.class, () -> ModelFile.save(model, aFolder)).getMessage());
        assertEquals("cannot read model file " + aFolder + ": it is a folder",
                assertThrows(ModelFileException.class, () -> ModelFile.read(aFolder)).getMessage());
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
    void onlyMultiLayerPerceptronsAreSaved() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelFile.save(new Sequential(new ReLU(), new Linear(4, 2)), dir.resolve("model.bin")));
        assertTrue(e.getMessage().contains("not a multi-layer perceptron"), e.getMessage());
    }

    @Test
    void aLayerUsedTwiceIsRefusedRatherThanWrittenAsADamagedFile() {
        Linear shared = new Linear(4, 4, new Well19937c(3));
        Sequential tied = new Sequential(shared, new ReLU(), shared);   // one weight, two uses: no MLP file can hold it
        Path file = dir.resolve("model.bin");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelFile.save(tied, file));
        assertTrue(e.getMessage().contains("layer 2 is layer 0 again"), e.getMessage());
        assertFalse(Files.exists(file));

        ModelFile.save(mlp(List.of(4, 4, 4), "relu", 1), file);
        assertTrue(loadError(tied, file).contains("layer 2 is layer 0 again"));
    }

    @Test
    void anotherActivationIsRefusedNamingBoth() {
        Path file = dir.resolve("model.bin");
        ModelFile.save(mlp(List.of(4, 6, 2), "relu", 1), file);
        String message = loadError(mlp(List.of(4, 6, 2), "tanh", 1), file);
        assertTrue(message.endsWith("holds a 4-6-2 relu network, the model is 4-6-2 tanh"), message);
    }

    @Test
    void anotherWidthIsRefusedNamingBoth() {
        Path file = dir.resolve("model.bin");
        ModelFile.save(mlp(List.of(4, 6, 2), 1), file);
        String message = loadError(mlp(List.of(4, 8, 2), 1), file);
        assertTrue(message.endsWith("holds a 4-6-2 tanh network, the model is 4-8-2 tanh"), message);
    }

    @Test
    void aChangedByteFailsTheChecksum() throws IOException {
        Path file = dir.resolve("model.bin");
        Sequential model = mlp(List.of(4, 6, 2), 1);
        ModelFile.save(model, file);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 10] ^= 1;   // one bit of the last parameter
        Files.write(file, bytes);
        assertTrue(loadError(model, file).contains("checksum mismatch"));
    }

    @Test
    void aTruncatedFileIsRefused() throws IOException {
        Path file = dir.resolve("model.bin");
        Sequential model = mlp(List.of(4, 6, 2), 1);
        ModelFile.save(model, file);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 3));
        assertTrue(loadError(model, file).contains("checksum mismatch"));
        Files.write(file, Arrays.copyOf(bytes, 9));
        assertTrue(loadError(model, file).contains("truncated"));
    }

    @Test
    void aVersionOneFileIsRefusedSayingWhatToDo() throws IOException {
        ByteBuffer v1 = ByteBuffer.allocate(12).putInt(ModelFile.MAGIC).putInt(1).putInt(0);
        Path file = write("old.bin", v1.array());
        String message = loadError(mlp(List.of(4, 6, 2), 1), file);
        assertTrue(message.contains("version-1 model file") && message.contains("train the model again"), message);
    }

    @Test
    void aNewerVersionIsRefused() throws IOException {
        Path file = write("new.bin", ByteBuffer.allocate(16).putInt(ModelFile.MAGIC).putInt(3).array());
        assertTrue(loadError(mlp(List.of(4, 6, 2), 1), file).contains("version 3 is not supported"));
    }

    @Test
    void aFileOfAnotherKindIsRefused() throws IOException {
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

    @Test
    void aHugeClaimedArchitectureIsRefusedBeforeAnythingIsAllocated() throws IOException {
        String max = Integer.toString(Integer.MAX_VALUE);
        Path large = write("large.bin", ModelFileBytes.v2(ModelFileBytes.header(max, "65536", "10", "relu"), 1f, 2f));
        String message = assertThrows(ModelFileException.class, () -> ModelFile.read(large)).getMessage();
        assertTrue(message.contains("holds 8 bytes of parameters, a 2147483647-65536-10 relu network needs 562949956042792"), message);
        Path overflowing = write("overflowing.bin", ModelFileBytes.v2(ModelFileBytes.header(max, max + "," + max, max, "relu")));
        message = assertThrows(ModelFileException.class, () -> ModelFile.read(overflowing)).getMessage();
        assertTrue(message.contains("is impossibly large"), message);
    }

    @Test
    void aHeaderLongerThanTheFileIsRefused() throws IOException {
        byte[] bytes = ModelFileBytes.v2(ModelFileBytes.header("1", "", "1", "none"), 1f, 2f);
        ByteBuffer.wrap(bytes).putInt(8, Integer.MAX_VALUE);
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 4);
        ByteBuffer.wrap(bytes).putInt(bytes.length - 4, (int) crc.getValue());
        Path file = write("long-header.bin", bytes);
        String message = assertThrows(ModelFileException.class, () -> ModelFile.read(file)).getMessage();
        assertTrue(message.contains("more than the file holds"), message);
    }

    @Test
    void aBadHeaderIsOneLine() throws IOException {
        for (String header : List.of("[]", "{\"architecture\":{\"inputs\":\"x\"}}", "{\"architecture\":7}", "{",
                ModelFileBytes.header("2", "3", "1", "gelu"), "{\"architecture\":{\"inputs\":\"1\",\"hidden\":\"\","
                        + "\"classes\":\"1\",\"activation\":\"none\"},\"metadata\":{\"a\":[1]}}")) {
            Path file = write("bad.bin", ModelFileBytes.v2(header));
            String message = assertThrows(ModelFileException.class, () -> ModelFile.read(file)).getMessage();
            assertFalse(message.contains("\n"), message);
        }
    }
}
