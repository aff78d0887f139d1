package org.mnistmlp.onnx;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.Version;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.stream.Collectors;
import org.mnistmlp.nn.Dropout;
import org.mnistmlp.nn.Linear;
import org.mnistmlp.nn.ModelFileException;
import org.mnistmlp.nn.Module;
import org.mnistmlp.nn.ReLU;
import org.mnistmlp.nn.Sequential;
import org.mnistmlp.nn.SiLU;
import org.mnistmlp.nn.Sigmoid;
import org.mnistmlp.nn.Tanh;
import org.mnistmlp.nn.WholeFile;

/**
 * Writes a trained {@link Sequential} as an ONNX model that any ONNX runtime can run.
 *
 * <p>The graph (opset {@value #OPSET}, IR version 7) takes {@value #INPUT}, a float tensor [N, in] of
 * <em>raw</em> pixel values in [0, 1], and returns {@value #OUTPUT}, a float tensor [N, classes]
 * (softmax them for probabilities). The training normalisation {@code (x - mean) / std} is folded into
 * the first layer's weight and bias, and also stated in the metadata, so that no caller has to repeat
 * it. Each {@link Linear} becomes a {@code Gemm} (weight stored [out, in], PyTorch's layout, with
 * {@code transB=1}), {@link ReLU}, {@link Sigmoid} and {@link Tanh} their ONNX namesakes, and {@link SiLU}
 * a {@code Sigmoid} followed by a {@code Mul}. Parameters keep their {@code state_dict} names
 * ({@code 0.weight}, {@code 0.bias}, {@code 2.weight}, ...), those of layer 0 holding the folded values.
 *
 * <p>Besides the caller's metadata, every model carries these {@code metadata_props}:
 * {@value #ARCHITECTURE} (e.g. {@code Sequential(Linear(784 → 128), ReLU, Linear(128 → 10))}),
 * {@value #NORMALIZATION} (in words), {@value #NORMALIZATION_MEAN} and {@value #NORMALIZATION_STD}
 * (the folded statistics as decimal floats), and {@value #NORMALIZATION_FOLDED} ({@code true}); the
 * producer's name and version go in the model's {@code producer_name} and {@code producer_version}.
 * <pre>{@code
 * OnnxExport.write(model, 0.1307f, 0.3081f, Map.of("dataset", "mnist"), Path.of("model.onnx"));
 * }</pre>
 */
public final class OnnxExport {
    /** The ONNX operator set the graph is written for. */
    public static final int OPSET = 13;
    /** The name of the graph's input: raw pixel values in [0, 1], shape [N, in]. */
    public static final String INPUT = "input";
    /** The name of the graph's output: the logits, shape [N, classes]. */
    public static final String OUTPUT = "logits";
    /** Metadata key: the layers, as {@code Sequential(Linear(784 → 128), ReLU, ...)}. */
    public static final String ARCHITECTURE = "architecture";
    /** Metadata key: the normalisation in words, and that it is folded into the first layer. */
    public static final String NORMALIZATION = "normalization";
    /** Metadata key: the mean subtracted from [0, 1] pixels in training. */
    public static final String NORMALIZATION_MEAN = "normalization_mean";
    /** Metadata key: the standard deviation [0, 1] pixels were divided by in training. */
    public static final String NORMALIZATION_STD = "normalization_std";
    /** Metadata key: {@code true}, the normalisation is part of the graph; feed raw [0, 1] pixels. */
    public static final String NORMALIZATION_FOLDED = "normalization_folded";

    /** IR version 7 (ONNX 1.8) is the one that introduced opset 13. */
    private static final long IR_VERSION = Version.IR_VERSION_2020_5_8_VALUE;
    private static final Properties PRODUCER = producer();

    private OnnxExport() {}

    /**
     * Writes {@code model} to {@code out} as ONNX, creating its folder if needed and replacing any
     * existing file atomically (a temporary file in the same folder, then a move).
     *
     * @param model Linear, ReLU, SiLU, Sigmoid and Tanh layers, the first a Linear
     * @param mean the mean subtracted from [0, 1] pixels in training
     * @param std the standard deviation they were divided by; positive
     * @param metadata extra {@code metadata_props}, e.g. {@code dataset}; the keys this class sets itself win
     * @throws OnnxExportException naming the layer if the model cannot be exported, or naming the file
     *     if it cannot be written
     * @throws IllegalArgumentException if {@code mean} or {@code std} is not usable
     */
    public static void write(Sequential model, float mean, float std, Map<String, String> metadata, Path out) {
        byte[] bytes = toModel(model, mean, std, metadata).toByteArray();
        try {
            WholeFile.write(out, bytes, "ONNX model");
        } catch (ModelFileException e) {
            throw new OnnxExportException(e.getMessage(), e.getCause());
        }
    }

    /**
     * The ONNX model {@link #write} writes, as a protobuf message.
     *
     * @throws OnnxExportException naming the layer if the model cannot be exported
     * @throws IllegalArgumentException if {@code mean} or {@code std} is not usable
     */
    public static ModelProto toModel(Sequential model, float mean, float std, Map<String, String> metadata) {
        List<Module> layers = model.layers();
        int firstIndex = 0;
        while (firstIndex < layers.size() - 1 && layers.get(firstIndex) instanceof Dropout) {
            firstIndex++;   // dropout is the identity at inference: the graph leaves it out
        }
        if (!(layers.get(firstIndex) instanceof Linear first)) {
            throw new OnnxExportException("cannot export to ONNX: the first layer must be a Linear to fold the normalisation into, got "
                    + layers.get(firstIndex).getClass().getSimpleName());
        }
        FoldedNormalization folded = FoldedNormalization.of(first, mean, std);
        GraphBuilder graph = new GraphBuilder("mnist-mlp", INPUT, first.inFeatures());
        int width = first.inFeatures();
        for (int i = 0; i < layers.size(); i++) {
            String prefix = Integer.toString(i);
            Module layer = layers.get(i);
            if (layer instanceof Dropout) {
                continue;
            }
            if (layer instanceof Linear linear) {
                if (linear.inFeatures() != width) {
                    throw new OnnxExportException("cannot export to ONNX: layer " + i + " (" + linear + ") takes "
                            + linear.inFeatures() + " features but receives " + width);
                }
                float[] weight = i == firstIndex ? folded.weight() : linear.weight().toArray();
                float[] bias = i == firstIndex ? folded.bias() : linear.bias().toArray();
                graph.gemm(prefix, weight, bias, linear.inFeatures(), linear.outFeatures());
                width = linear.outFeatures();
            } else if (layer instanceof ReLU) {
                graph.elementwise(prefix, "Relu");
            } else if (layer instanceof Sigmoid) {
                graph.elementwise(prefix, "Sigmoid");
            } else if (layer instanceof Tanh) {
                graph.elementwise(prefix, "Tanh");
            } else if (layer instanceof SiLU) {
                graph.silu(prefix);
            } else {
                throw new OnnxExportException("cannot export layer " + i + " (" + layer.getClass().getName()
                        + ") to ONNX: only Linear, ReLU, SiLU, Sigmoid, Tanh and Dropout are supported");
            }
        }
        ModelProto.Builder onnx = ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setProducerName(PRODUCER.getProperty("name"))
                .setProducerVersion(PRODUCER.getProperty("version"))
                .setDocString("Input '" + INPUT + "': raw pixel values in [0, 1], float [N, " + first.inFeatures()
                        + "] (the normalisation is folded in). Output '" + OUTPUT + "': logits, float [N, " + width + "].")
                .setGraph(graph.build(OUTPUT, width));
        allMetadata(model, mean, std, metadata).forEach((key, value) ->
                onnx.addMetadataProps(StringStringEntryProto.newBuilder().setKey(key).setValue(value)));
        return onnx.build();
    }

    private static Map<String, String> allMetadata(Sequential model, float mean, float std, Map<String, String> extra) {
        Map<String, String> all = new LinkedHashMap<>(extra);
        all.put(ARCHITECTURE, model.layers().stream().map(Module::toString).collect(Collectors.joining(", ", "Sequential(", ")")));
        all.put(NORMALIZATION, "(x - " + mean + ") / " + std + " on pixels x in [0, 1], folded into the first Gemm: feed raw pixels");
        all.put(NORMALIZATION_MEAN, Float.toString(mean));
        all.put(NORMALIZATION_STD, Float.toString(std));
        all.put(NORMALIZATION_FOLDED, "true");
        return all;
    }

    private static Properties producer() {
        Properties properties = new Properties();
        try (InputStream in = OnnxExport.class.getResourceAsStream("producer.properties")) {
            properties.load(Objects.requireNonNull(in, "producer.properties is missing from the onnx jar"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the producer's name and version", e);
        }
        return properties;
    }
}
