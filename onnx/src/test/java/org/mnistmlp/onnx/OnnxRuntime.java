package org.mnistmlp.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Map;

/** Runs an exported file in ONNX Runtime, as a user of the file would. */
final class OnnxRuntime {
    private OnnxRuntime() {}

    /** The output {@value OnnxExport#OUTPUT} for {@code rows} inputs of {@code cols} floats, row after row. */
    static float[][] logits(Path model, float[] input, int rows, int cols) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(model.toString(), new OrtSession.SessionOptions());
             OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), new long[] {rows, cols});
             OrtSession.Result result = session.run(Map.of(OnnxExport.INPUT, x))) {
            return (float[][]) result.get(OnnxExport.OUTPUT).orElseThrow().getValue();
        }
    }

    /** The model's custom metadata ({@code metadata_props}) as ONNX Runtime reads it. */
    static Map<String, String> metadata(Path model) throws OrtException {
        try (OrtSession session = OrtEnvironment.getEnvironment().createSession(model.toString(), new OrtSession.SessionOptions())) {
            return session.getMetadata().getCustomMetadata();
        }
    }
}
