package org.mnistmlp.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Builds a chain-shaped ONNX graph: a float input of shape [N, features] (N symbolic), then nodes that
 * each read the previous step's output, then the last output under its final name. Values and nodes
 * are named as {@code torch.onnx.export} names them ({@code /0/Gemm}, {@code /0/Gemm_output_0}), and
 * parameters by their {@code state_dict} names ({@code 0.weight}).
 */
final class GraphBuilder {
    private static final String BATCH = "N";

    private final GraphProto.Builder graph = GraphProto.newBuilder();
    private String current;

    /** A graph named {@code name} whose input {@code input} has {@code features} columns. */
    GraphBuilder(String name, String input, int features) {
        graph.setName(name).addInput(floatMatrix(input, features));
        current = input;
    }

    /**
     * Appends {@code y = x·Wᵀ + b} as a {@code Gemm} with {@code transB=1}, the weight stored as
     * {@code [out, in]} under {@code prefix.weight} (PyTorch's layout), the bias as {@code prefix.bias}.
     *
     * @param weight the weight as {@link org.mnistmlp.nn.Linear} keeps it: [in, out], row-major
     */
    void gemm(String prefix, float[] weight, float[] bias, int in, int out) {
        float[] outIn = new float[weight.length];
        for (int i = 0; i < in; i++) {
            for (int o = 0; o < out; o++) {
                outIn[o * in + i] = weight[i * out + o];
            }
        }
        String w = prefix + ".weight";
        String b = prefix + ".bias";
        graph.addInitializer(floats(w, outIn, out, in));
        graph.addInitializer(floats(b, bias, out));
        current = node(prefix, "Gemm", current, w, b)
                .addAttribute(AttributeProto.newBuilder().setName("transB").setType(AttributeProto.AttributeType.INT).setI(1))
                .getOutput(0);
    }

    /** Appends an element-wise node without attributes, e.g. {@code Relu}. */
    void elementwise(String prefix, String opType) {
        current = node(prefix, opType, current).getOutput(0);
    }

    /** Appends SiLU, {@code x·σ(x)}, as a {@code Sigmoid} and a {@code Mul}: opset 13 has no SiLU. */
    void silu(String prefix) {
        String x = current;
        String sigmoid = node(prefix, "Sigmoid", x).getOutput(0);
        current = node(prefix, "Mul", x, sigmoid).getOutput(0);
    }

    /** The graph, its last node's output (there must be one) renamed {@code output} and declared a float [N, {@code features}]. */
    GraphProto build(String output, int features) {
        graph.getNodeBuilder(graph.getNodeCount() - 1).setOutput(0, output);
        return graph.addOutput(floatMatrix(output, features)).build();
    }

    private NodeProto.Builder node(String prefix, String opType, String... inputs) {
        String name = "/" + prefix + "/" + opType;
        NodeProto.Builder node = graph.addNodeBuilder().setName(name).setOpType(opType).addOutput(name + "_output_0");
        for (String input : inputs) {
            node.addInput(input);
        }
        return node;
    }

    private static TensorProto floats(String name, float[] values, int... dims) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        TensorProto.Builder tensor = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE)
                .setRawData(ByteString.copyFrom(bytes));   // raw_data is little-endian by the ONNX spec
        for (int d : dims) {
            tensor.addDims(d);
        }
        return tensor.build();
    }

    private static ValueInfoProto floatMatrix(String name, int features) {
        TensorShapeProto shape = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam(BATCH))
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(features))
                .build();
        TypeProto.Tensor type = TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(shape).build();
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(type)).build();
    }
}
