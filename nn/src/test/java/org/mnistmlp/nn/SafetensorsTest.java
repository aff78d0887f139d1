package org.mnistmlp.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistmlp.autograd.Tensor;

class SafetensorsTest {
    @TempDir
    Path dir;

    private final Tensor x = TestTensors.uniform(new Random(5), 1f, 0f, 3, 4);

    private static String loadError(Module model, Path file) {
        return Refusals.refusedLeavingUnchanged(model, () -> Safetensors.load(model, file));
    }

    /** A safetensors file with this header (padded to 8 bytes) and these little-endian floats. */
    private Path file(String header, float... values) throws IOException {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        ByteBuffer b = ByteBuffer.allocate(8 + padded + 4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(padded).put(json);
        while (b.position() < 8 + padded) {
            b.put((byte) ' ');
        }
        for (float v : values) {
            b.putFloat(v);
        }
        return Files.write(dir.resolve("hand.safetensors"), b.array());
    }

    @Test
    void exportThenImportGivesIdenticalParametersAndLogits() {
        Sequential model = Mlp.of(List.of(4, 6, 5, 3), "silu", Init.DEFAULT, 1);
        Path file = dir.resolve("model.safetensors");
        Safetensors.save(model, Map.of("dataset", "mnist"), file);

        Sequential other = Mlp.of(List.of(4, 6, 5, 3), "silu", Init.DEFAULT, 2);
        Safetensors.load(other, file);
        SavedModel read = Safetensors.read(file);
        for (Sequential copy : List.of(other, read.model())) {
            for (int i = 0; i < model.parameters().size(); i++) {
                assertArrayEquals(model.parameters().get(i).data(), copy.parameters().get(i).data());
            }
            assertArrayEquals(model.forward(x).data(), copy.forward(x).data());
        }
        assertEquals(new MlpSpec(4, List.of(6, 5), 3, "silu"), read.architecture());
        assertEquals("mnist", read.metadata().get("dataset"));
        assertEquals("pt", read.metadata().get("format"));
    }

    @Test
    void theBytesFollowTheSafetensorsFormatAndPyTorchsLayout() throws IOException {
        Linear first = new Linear(2, 3, new Well19937c(1));
        Linear second = new Linear(3, 1, new Well19937c(2));
        Path file = dir.resolve("model.safetensors");
        Safetensors.save(new Sequential(first, new ReLU(), second), Map.of("dataset", "mnist"), file);

        String expected = "{\"__metadata__\":{\"activation\":\"relu\",\"classes\":\"1\",\"dataset\":\"mnist\",\"format\":\"pt\","
                + "\"hidden\":\"3\",\"inputs\":\"2\"},"
                + "\"0.bias\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,12]},"
                + "\"0.weight\":{\"dtype\":\"F32\",\"shape\":[3,2],\"data_offsets\":[12,36]},"
                + "\"2.bias\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[36,40]},"
                + "\"2.weight\":{\"dtype\":\"F32\",\"shape\":[1,3],\"data_offsets\":[40,52]}}";
        int padded = (expected.length() + 7) / 8 * 8;
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(padded, b.getLong());
        assertEquals(expected + " ".repeat(padded - expected.length()),
                new String(bytes, 8, padded, StandardCharsets.UTF_8));
        b.position(8 + padded);
        float[] w1 = first.weight().data();   // [in, out] = [2, 3]; the file has [out, in]
        float[] w2 = second.weight().data();
        float[] buffer = new float[13];
        b.asFloatBuffer().get(buffer);
        assertArrayEquals(new float[] {
            first.bias().data()[0], first.bias().data()[1], first.bias().data()[2],
            w1[0], w1[3], w1[1], w1[4], w1[2], w1[5],
            second.bias().data()[0],
            w2[0], w2[1], w2[2]}, buffer);
        assertEquals(8 + padded + 52, bytes.length);
    }

    @Test
    void anotherShapeIsRefusedNamingTheTensorAndBothShapes() {
        Path file = dir.resolve("model.safetensors");
        Safetensors.save(Mlp.of(List.of(4, 6, 2), "relu", Init.DEFAULT, 1), Map.of(), file);
        String message = loadError(Mlp.of(List.of(4, 8, 2), "relu", Init.DEFAULT, 1), file);
        assertTrue(message.endsWith("tensor '0.weight' has shape [6, 4] in the file but the model needs [8, 4]"), message);
    }

    @Test
    void metadataThatDescribesAnotherNetworkIsRefusedNamingBoth() {
        Path file = dir.resolve("model.safetensors");
        Safetensors.save(Mlp.of(List.of(4, 6, 2), "relu", Init.DEFAULT, 1), Map.of(), file);   // same shapes, other activation
        String message = loadError(Mlp.of(List.of(4, 6, 2), "tanh", Init.DEFAULT, 1), file);
        assertTrue(message.endsWith("holds a 4-6-2 relu network, the model is 4-6-2 tanh"), message);
    }

    @Test
    void missingAndExtraTensorsAreRefused() throws IOException {
        Sequential model = new Sequential(new Linear(1, 1));
        Path missing = file("{\"0.weight\":{\"dtype\":\"F32\",\"shape\":[1,1],\"data_offsets\":[0,4]}}", 1f);
        assertTrue(loadError(model, missing).contains("has no tensor '0.bias'"));
        Path extra = file("{\"0.weight\":{\"dtype\":\"F32\",\"shape\":[1,1],\"data_offsets\":[0,4]},"
                + "\"0.bias\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]},"
                + "\"1.weight\":{\"dtype\":\"F32\",\"shape\":[],\"data_offsets\":[8,12]}}", 1f, 2f, 3f);
        assertTrue(loadError(model, extra).contains("a tensor '1.weight' that the model does not have"));
    }

    @Test
    void aHandWrittenFileInAnyKeyOrderLoads() throws IOException {
        Sequential model = new Sequential(new Linear(2, 1));
        Path file = file("{\"0.weight\":{\"shape\":[1,2],\"dtype\":\"F32\",\"data_offsets\":[4,12]},"
                + "\"0.bias\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", 5f, 6f, 7f);
        Safetensors.load(model, file);
        assertArrayEquals(new float[] {5f}, model.parameters().get(1).data());
        assertArrayEquals(new float[] {6f, 7f}, model.parameters().get(0).data());
    }

    @Test
    void invalidFilesAreRefusedInOneLine() throws IOException {
        Sequential model = new Sequential(new Linear(1, 1));
        String bias = "\"0.bias\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}";
        Map<String, String> cases = Map.of(
                "{\"0.weight\":{\"dtype\":\"F64\",\"shape\":[1,1],\"data_offsets\":[0,8]}," + bias.replace("4,8", "8,12") + "}",
                "only F32",
                "{\"0.weight\":{\"dtype\":\"F32\",\"shape\":[1,1],\"data_offsets\":[0,4]}," + bias.replace("4,8", "6,10") + "}",
                "must tile the buffer",
                "{\"0.weight\":{\"dtype\":\"F32\",\"shape\":[2147483648,2147483648],\"data_offsets\":[0,4]}," + bias + "}",
                "spans 4 bytes",
                "{\"0.weight\":{\"dtype\":\"F32\",\"shape\":[1,1],\"data_offsets\":[0,4]}," + bias + ",\"__metadata__\":{\"a\":1}}",
                "'__metadata__.a' is not a string",
                "{\"0.weight\":{\"dtype\":\"F32\",\"shape\":[1e999999999],\"data_offsets\":[0,4]}," + bias + "}",
                "not a whole number",
                "[1, 2]",
                "does not start with '{'",
                "{'0.weight':{}}",
                "the header is not valid JSON at line 1 column 3",
                "{\"0.weight\":{\"dtype\":\"F32\",\"shape\":[1,1],\"data_offsets\":[0,4]}," + bias + "} {}",
                "the header is not valid JSON at line 1 column 124");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Path file = file(c.getKey(), 1f, 2f, 3f);
            String message = loadError(model, file);
            assertTrue(message.contains(c.getValue()), c.getValue() + " in " + message);
        }
    }

    @Test
    void aHeaderSizeBeyondTheFileIsRefused() throws IOException {
        Path file = file("{}", 1f);
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(0, 1L << 40);
        Files.write(file, bytes);
        assertTrue(loadError(new Sequential(new Linear(1, 1)), file).contains("does not fit the file's 20 bytes"));
        Files.write(file, Arrays.copyOf(bytes, 5));
        assertTrue(loadError(new Sequential(new Linear(1, 1)), file).contains("shorter than the header size"));
    }

    @Test
    void readNeedsTheArchitectureInTheMetadata() throws IOException {
        Path file = file("{\"0.weight\":{\"dtype\":\"F32\",\"shape\":[1,1],\"data_offsets\":[0,4]},"
                + "\"0.bias\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]},\"__metadata__\":{\"inputs\":\"1\"}}", 1f, 2f);
        String message = assertThrows(ModelFileException.class, () -> Safetensors.read(file)).getMessage();
        assertTrue(message.contains("has no 'hidden'"), message);
    }
}
