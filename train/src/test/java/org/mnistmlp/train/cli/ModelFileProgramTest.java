package org.mnistmlp.train.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistmlp.datasets.DatasetName;
import org.mnistmlp.datasets.Normalization;

/**
 * Commands that take a model need only the model file: architecture, data set and normalisation come from it;
 * export writes it for PyTorch and --init-from reads that back.
 */
class ModelFileProgramTest {
    @TempDir
    static Path fashionRun;

    /** A model trained for one epoch on the committed subset read as Fashion-MNIST, and its metrics. */
    private static Path fashionModel;
    private static JsonObject fashionEpoch;

    @BeforeAll
    static void trainAFashionModel() throws IOException {
        fashionModel = train(fashionRun, "fashion-mnist", "32");
        JsonObject m = JsonParser.parseString(Files.readString(fashionRun.resolve("metrics.json"))).getAsJsonObject();
        fashionEpoch = m.getAsJsonArray("epochs").get(0).getAsJsonObject();
    }

    private static Path train(Path out, String dataset, String hidden, String... more) {
        String[] args = {"--data", ProgramRun.SUBSET.toString(), "--dataset", dataset, "--out", out.toString(),
            "--hidden", hidden, "--epochs", "1", "--seed", "3"};
        ProgramRun run = ProgramRun.of(concat(args, more));
        assertEquals(0, run.exitCode(), run.toString());
        return out.resolve("model.bin");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static ProgramRun evaluate(String... args) {
        return ProgramRun.of(concat(new String[] {"evaluate", "--data", ProgramRun.SUBSET.toString()}, args));
    }

    private static String resultLine(ProgramRun run) {
        return run.out().lines().filter(l -> l.startsWith("test accuracy")).findFirst().orElseThrow(() -> new AssertionError(run));
    }

    private static void assertOneLineError(int code, String fragment, ProgramRun run) {
        assertEquals(code, run.exitCode(), run.toString());
        String first = run.err().lines().findFirst().orElse("");
        assertTrue(first.contains(fragment), "first line '" + first + "' should mention " + fragment);
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
        if (code == 1) {
            assertEquals(1, run.err().lines().count(), run.err());
        }
    }

    @Test
    void aFashionModelIsEvaluatedAsItWasTested() {
        ProgramRun eval = evaluate("--model", fashionModel.toString());
        assertEquals(0, eval.exitCode(), eval.toString());
        String expected = String.format(Locale.ROOT, "test accuracy %.2f%%, test loss %.4f",
                fashionEpoch.get("test_accuracy").getAsDouble() * 100, fashionEpoch.get("test_loss").getAsDouble());
        assertEquals(expected, resultLine(eval));
        assertTrue(eval.out().contains("fashion-mnist: local folder"), eval.out());
        assertTrue(eval.out().contains("normalised with mean 0.2860 std 0.3530"), eval.out());
    }

    @Test
    void evaluateNeedsOnlyTheModelFile(@TempDir Path elsewhere) throws IOException {
        Path alone = Files.copy(fashionModel, elsewhere.resolve("copy.bin"));
        ProgramRun eval = evaluate("--model", alone.toString());
        assertEquals(0, eval.exitCode(), eval.toString());
        assertTrue(eval.out().startsWith("model    784-32-10 relu (" + alone + ")"), eval.out());
    }

    @Test
    void aMissingModelFileIsReportedAsSuch(@TempDir Path empty) {
        assertOneLineError(1, "model file " + empty.resolve("model.bin") + " does not exist",
                evaluate("--model", empty.resolve("model.bin").toString()));
    }

    @Test
    void aContradictingDatasetIsAUsageError() {
        ProgramRun run = evaluate("--model", fashionModel.toString(), "--dataset", "mnist");
        assertOneLineError(2, "--dataset mnist contradicts the model, which was trained on fashion-mnist", run);
        assertEquals(0, evaluate("--model", fashionModel.toString(), "--dataset", "fashion-mnist").exitCode());
    }

    @Test
    void aVersionOneModelFileSaysWhatToDo(@TempDir Path dir) throws IOException {
        Path old = Files.write(dir.resolve("model.bin"), ByteBuffer.allocate(12).putInt(0x4D4C5057).putInt(1).putInt(0).array());
        assertOneLineError(1, "train the model again", evaluate("--model", old.toString()));
    }

    @Test
    void anExportedModelEvaluatesTheSameThroughInitFrom(@TempDir Path dir) {
        Path exported = dir.resolve("fashion.safetensors");
        ProgramRun export = ProgramRun.of("export", "--model", fashionModel.toString(), "--format", "safetensors",
                "--out", exported.toString());
        assertEquals(0, export.exitCode(), export.toString());
        assertTrue(export.out().contains("wrote " + exported), export.out());

        ProgramRun fromBin = evaluate("--model", fashionModel.toString());
        ProgramRun fromSafetensors = evaluate("--init-from", exported.toString());
        assertEquals(0, fromSafetensors.exitCode(), fromSafetensors.toString());
        assertEquals(resultLine(fromBin), resultLine(fromSafetensors));
        assertTrue(fromSafetensors.out().contains("fashion-mnist"), fromSafetensors.out());
    }

    @Test
    void exportToOnnxCarriesTheModelsDataSetAndNormalisation(@TempDir Path dir) throws IOException {
        Path exported = dir.resolve("fashion.onnx");
        ProgramRun export = ProgramRun.of("export", "--model", fashionModel.toString(), "--format", "onnx", "--out", exported.toString());
        assertEquals(0, export.exitCode(), export.toString());

        OnnxMl.ModelProto onnx = OnnxMl.ModelProto.parseFrom(Files.readAllBytes(exported));
        Map<String, String> meta = new HashMap<>();
        onnx.getMetadataPropsList().forEach(p -> meta.put(p.getKey(), p.getValue()));
        assertEquals("fashion-mnist", meta.get("dataset"));
        assertEquals(Normalization.forDataset(DatasetName.FASHION_MNIST).mean(), Float.parseFloat(meta.get("normalization_mean")));
        assertEquals(List.of("Gemm", "Relu", "Gemm"), onnx.getGraph().getNodeList().stream().map(OnnxMl.NodeProto::getOpType).toList());
    }

    @Test
    void trainingStartsFromExportedWeights(@TempDir Path dir) throws IOException {
        Path exported = dir.resolve("start.safetensors");
        assertEquals(0, ProgramRun.of("export", "--model", fashionModel.toString(), "--format", "safetensors",
                "--out", exported.toString()).exitCode());
        ProgramRun eval = evaluate("--model", fashionModel.toString());

        // one epoch at a learning rate too small to move the weights visibly: the start is the exported model
        Path resumed = train(dir.resolve("resumed"), "fashion-mnist", "32", "--init-from", exported.toString(), "--lr", "1e-9");
        JsonObject metrics = JsonParser.parseString(Files.readString(resumed.resolveSibling("metrics.json"))).getAsJsonObject();
        assertEquals(exported.toString(), metrics.getAsJsonObject("config").get("init_from").getAsString());
        double accuracy = metrics.getAsJsonArray("epochs").get(0).getAsJsonObject().get("test_accuracy").getAsDouble();
        assertTrue(resultLine(eval).startsWith(String.format(Locale.ROOT, "test accuracy %.2f%%", accuracy * 100)),
                resultLine(eval) + " vs " + accuracy);
    }

    @Test
    void weightsOfAnotherShapeAreOneLine(@TempDir Path dir) {
        Path exported = dir.resolve("m.safetensors");
        assertEquals(0, ProgramRun.of("export", "--model", fashionModel.toString(), "--format", "safetensors",
                "--out", exported.toString()).exitCode());
        ProgramRun run = ProgramRun.of("--data", ProgramRun.SUBSET.toString(), "--out", dir.resolve("o").toString(),
                "--hidden", "16", "--epochs", "1", "--init-from", exported.toString());
        assertOneLineError(1, "tensor '0.weight' has shape [32, 784] in the file but the model needs [16, 784]", run);
    }

    @Test
    void exportRefusesAnOutputNamedForTheOtherFormat(@TempDir Path dir) {
        Path onnxName = dir.resolve("model.onnx");
        assertOneLineError(2, "--out " + onnxName + " is named for onnx, but --format is safetensors", ProgramRun.of("export",
                "--model", fashionModel.toString(), "--format", "safetensors", "--out", onnxName.toString()));
        Path safetensorsName = dir.resolve("model.SafeTensors");
        assertOneLineError(2, "is named for safetensors, but --format is onnx", ProgramRun.of("export",
                "--model", fashionModel.toString(), "--format", "onnx", "--out", safetensorsName.toString()));
        assertFalse(Files.exists(onnxName) || Files.exists(safetensorsName), "nothing written");
    }

    @Test
    void exportRefusesAnUnknownFormatAndAnUnwritableOutput(@TempDir Path dir) throws IOException {
        assertOneLineError(2, "--format", ProgramRun.of("export", "--model", fashionModel.toString(), "--format", "pickle",
                "--out", dir.resolve("x").toString()));
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        assertOneLineError(1, "cannot write safetensors file " + file.resolve("m.safetensors"), ProgramRun.of("export",
                "--model", fashionModel.toString(), "--format", "safetensors", "--out", file.resolve("m.safetensors").toString()));
    }
}
