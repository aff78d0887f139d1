package org.mnistmlp.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mnistmlp.autograd.Tensor;
import org.mnistmlp.nn.Init;
import org.mnistmlp.nn.Linear;
import org.mnistmlp.nn.Mlp;
import org.mnistmlp.nn.Module;
import org.mnistmlp.nn.ReLU;
import org.mnistmlp.nn.Sequential;
import org.mnistmlp.nn.Softmax;

/** The structure of the written graph, its metadata, the refusals and the file handling. */
class OnnxExportTest {
    private static final float MEAN = 0.1307f;
    private static final float STD = 0.3081f;

    @TempDir
    Path dir;

    static Stream<Arguments> opTypes() {
        return Stream.of(
                Arguments.of("relu", List.of("Gemm", "Relu", "Gemm", "Relu", "Gemm")),
                Arguments.of("sigmoid", List.of("Gemm", "Sigmoid", "Gemm", "Sigmoid", "Gemm")),
                Arguments.of("tanh", List.of("Gemm", "Tanh", "Gemm", "Tanh", "Gemm")),
                Arguments.of("silu", List.of("Gemm", "Sigmoid", "Mul", "Gemm", "Sigmoid", "Mul", "Gemm")));
    }

    @ParameterizedTest
    @MethodSource("opTypes")
    void eachLayerBecomesItsNodesInOrder(String activation, List<String> expected) throws IOException {
        GraphProto graph = written(Mlp.of(List.of(784, 8, 4, 10), activation, Init.DEFAULT, 1)).getGraph();

        assertEquals(expected, graph.getNodeList().stream().map(NodeProto::getOpType).toList());
    }

    @Test
    void declaresOpsetIrVersionAndProducer() throws IOException {
        ModelProto model = written(Mlp.of(List.of(784, 8, 10), "relu", Init.DEFAULT, 1));

        assertEquals(1, model.getOpsetImportCount());
        assertEquals("", model.getOpsetImport(0).getDomain());
        assertEquals(13, model.getOpsetImport(0).getVersion());
        assertEquals(7, model.getIrVersion());
        assertEquals("mnist-mlp", model.getProducerName());
        assertTrue(model.getProducerVersion().matches("\\d+\\.\\d+\\.\\d+.*"), model.getProducerVersion());
    }

    @Test
    void inputAndOutputAreFloatMatricesWithASymbolicBatch() throws IOException {
        GraphProto graph = written(Mlp.of(List.of(784, 8, 10), "relu", Init.DEFAULT, 1)).getGraph();

        assertEquals(List.of("input"), graph.getInputList().stream().map(ValueInfoProto::getName).toList());
        assertEquals(List.of("logits"), graph.getOutputList().stream().map(ValueInfoProto::getName).toList());
        assertEquals("[N, 784]", shape(graph.getInput(0)));
        assertEquals("[N, 10]", shape(graph.getOutput(0)));
        assertEquals(TensorProto.DataType.FLOAT_VALUE, graph.getInput(0).getType().getTensorType().getElemType());
    }

    @Test
    void nodesChainThroughSiluFromInputToLogits() throws IOException {
        List<NodeProto> nodes = written(Mlp.of(List.of(784, 8, 10), "silu", Init.DEFAULT, 1)).getGraph().getNodeList();
        NodeProto gemm = nodes.get(0);
        NodeProto sigmoid = nodes.get(1);
        NodeProto mul = nodes.get(2);
        NodeProto last = nodes.get(3);

        assertEquals(List.of("input", "0.weight", "0.bias"), gemm.getInputList());
        assertEquals(List.of(gemm.getOutput(0)), sigmoid.getInputList());
        assertEquals(List.of(gemm.getOutput(0), sigmoid.getOutput(0)), mul.getInputList());
        assertEquals(List.of(mul.getOutput(0), "2.weight", "2.bias"), last.getInputList());
        assertEquals(List.of("logits"), last.getOutputList());
        assertEquals(1, last.getAttribute(0).getI());
        assertEquals("transB", last.getAttribute(0).getName());
    }

    @Test
    void parametersKeepTheirNamesInPyTorchsOutByInLayout() throws IOException {
        Sequential model = Mlp.of(List.of(784, 8, 4, 10), "relu", Init.DEFAULT, 1);
        GraphProto graph = written(model).getGraph();

        Map<String, List<Long>> dims = graph.getInitializerList().stream()
                .collect(Collectors.toMap(TensorProto::getName, TensorProto::getDimsList));
        assertEquals(Map.of("0.weight", List.of(8L, 784L), "0.bias", List.of(8L), "2.weight", List.of(4L, 8L), "2.bias", List.of(4L),
                "4.weight", List.of(10L, 4L), "4.bias", List.of(10L)), dims);
        // layer 2 is not folded: its stored [out, in] weight is the transpose of ours, its bias ours
        Linear second = (Linear) model.layers().get(2);
        float[] stored = floats(initializer(graph, "2.weight"));
        for (int i = 0; i < 8; i++) {
            for (int o = 0; o < 4; o++) {
                assertEquals(second.weight().data()[i * 4 + o], stored[o * 8 + i]);
            }
        }
        assertArrayEquals(second.bias().data(), floats(initializer(graph, "2.bias")));
    }

    @Test
    void firstLayerHoldsTheFoldedNormalisation() throws IOException {
        Sequential model = Mlp.of(List.of(3, 2, 2), "relu", Init.DEFAULT, 1);
        Linear first = (Linear) model.layers().get(0);
        FoldedNormalization folded = FoldedNormalization.of(first, MEAN, STD);
        GraphProto graph = written(model).getGraph();

        float[] stored = floats(initializer(graph, "0.weight"));
        for (int i = 0; i < 3; i++) {
            for (int o = 0; o < 2; o++) {
                assertEquals(folded.weight()[i * 2 + o], stored[o * 3 + i]);
            }
        }
        assertArrayEquals(folded.bias(), floats(initializer(graph, "0.bias")));
    }

    @Test
    void metadataStatesArchitectureAndNormalisationAndKeepsTheCallersEntries() throws IOException {
        Sequential model = Mlp.of(List.of(784, 8, 10), "silu", Init.DEFAULT, 1);
        Path file = dir.resolve("model.onnx");
        OnnxExport.write(model, MEAN, STD, Map.of("dataset", "mnist", "normalization_mean", "0.5"), file);

        List<StringStringEntryProto> props = ModelProto.parseFrom(Files.readAllBytes(file)).getMetadataPropsList();
        Map<String, String> metadata = props.stream().collect(Collectors.toMap(StringStringEntryProto::getKey, StringStringEntryProto::getValue));

        assertEquals(props.size(), metadata.size(), "every key once");
        assertEquals("mnist", metadata.get("dataset"));
        assertEquals("Sequential(Linear(784 → 8), SiLU, Linear(8 → 10))", metadata.get("architecture"));
        assertEquals("0.1307", metadata.get("normalization_mean"), "the folded statistics win over a caller's entry");
        assertEquals("0.3081", metadata.get("normalization_std"));
        assertEquals("true", metadata.get("normalization_folded"));
        assertTrue(metadata.get("normalization").startsWith("(x - 0.1307) / 0.3081"), metadata.get("normalization"));
    }

    @Test
    void anUnsupportedLayerIsRefusedByName() {
        Sequential model = new Sequential(new Linear(784, 10, new Well19937c(1)), new Softmax());
        Path file = dir.resolve("model.onnx");

        OnnxExportException e = assertThrows(OnnxExportException.class, () -> OnnxExport.write(model, MEAN, STD, Map.of(), file));

        assertEquals("cannot export layer 1 (org.mnistmlp.nn.Softmax) to ONNX: only Linear, ReLU, SiLU, Sigmoid, Tanh and Dropout are supported",
                e.getMessage());
        assertFalse(Files.exists(file));
    }

    @Test
    void aUsersOwnLayerIsRefusedByItsFullName() {
        Sequential model = new Sequential(new Linear(4, 4, new Well19937c(1)), new Doubling(), new Linear(4, 2, new Well19937c(1)));

        OnnxExportException e = assertThrows(OnnxExportException.class, () -> OnnxExport.toModel(model, MEAN, STD, Map.of()));

        assertTrue(e.getMessage().startsWith("cannot export layer 1 (org.mnistmlp.onnx.OnnxExportTest$Doubling)"), e.getMessage());
    }

    @Test
    void aFirstLayerOtherThanLinearIsRefused() {
        Sequential model = new Sequential(new ReLU(), new Linear(4, 2, new Well19937c(1)));

        OnnxExportException e = assertThrows(OnnxExportException.class, () -> OnnxExport.toModel(model, MEAN, STD, Map.of()));

        assertTrue(e.getMessage().contains("the first layer must be a Linear"), e.getMessage());
        assertTrue(e.getMessage().endsWith("got ReLU"), e.getMessage());
    }

    @Test
    void layersWhoseSizesDoNotChainAreRefused() {
        Well19937c rng = new Well19937c(1);
        Sequential model = new Sequential(new Linear(4, 3, rng), new ReLU(), new Linear(5, 2, rng));

        OnnxExportException e = assertThrows(OnnxExportException.class, () -> OnnxExport.toModel(model, MEAN, STD, Map.of()));

        assertEquals("cannot export to ONNX: layer 2 (Linear(5 → 2)) takes 5 features but receives 3", e.getMessage());
    }

    @Test
    void anUnwritableOutputIsReportedWithItsPath() throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("file"), "x");
        Path file = notAFolder.resolve("model.onnx");

        OnnxExportException e = assertThrows(OnnxExportException.class,
                () -> OnnxExport.write(Mlp.of(List.of(4, 2), "relu", Init.DEFAULT, 1), MEAN, STD, Map.of(), file));

        assertEquals("cannot write ONNX model " + file + ": " + notAFolder + " is not a folder", e.getMessage());
        assertEquals("x", Files.readString(notAFolder));
    }

    @Test
    void rewritingReplacesTheFileAndLeavesNoTemporaryFile() throws IOException {
        Path file = dir.resolve("model.onnx");
        Files.writeString(file, "an older file");

        ModelProto model = written(Mlp.of(List.of(4, 3, 2), "tanh", Init.DEFAULT, 1));

        assertEquals(3, model.getGraph().getNodeCount());   // Gemm, Tanh, Gemm
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    /** Writes {@code model} to {@code dir/model.onnx} and parses the file back. */
    private ModelProto written(Sequential model) throws IOException {
        Path file = dir.resolve("model.onnx");
        OnnxExport.write(model, MEAN, STD, Map.of(), file);
        return ModelProto.parseFrom(Files.readAllBytes(file));
    }

    private static String shape(ValueInfoProto value) {
        return value.getType().getTensorType().getShape().getDimList().stream()
                .map(d -> d.getValueCase() == TensorShapeProto.Dimension.ValueCase.DIM_PARAM ? d.getDimParam() : Long.toString(d.getDimValue()))
                .collect(Collectors.joining(", ", "[", "]"));
    }

    private static TensorProto initializer(GraphProto graph, String name) {
        return graph.getInitializerList().stream().filter(t -> t.getName().equals(name)).findFirst().orElseThrow();
    }

    private static float[] floats(TensorProto tensor) {
        assertEquals(TensorProto.DataType.FLOAT_VALUE, tensor.getDataType());
        float[] values = new float[tensor.getRawData().size() / Float.BYTES];
        tensor.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        return values;
    }

    /** A layer ONNX export does not know. */
    private static final class Doubling extends Module {
        @Override
        public Tensor forward(Tensor x) {
            return x.add(x);
        }
    }
}
