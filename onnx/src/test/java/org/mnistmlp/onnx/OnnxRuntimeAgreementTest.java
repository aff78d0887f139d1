package org.mnistmlp.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mnistmlp.autograd.NoGrad;
import org.mnistmlp.autograd.Tensor;
import org.mnistmlp.datasets.Batch;
import org.mnistmlp.datasets.DatasetName;
import org.mnistmlp.datasets.ImageSet;
import org.mnistmlp.datasets.MnistData;
import org.mnistmlp.datasets.MnistLoader;
import org.mnistmlp.datasets.Normalization;
import org.mnistmlp.nn.Activations;
import org.mnistmlp.nn.CrossEntropyLoss;
import org.mnistmlp.nn.Init;
import org.mnistmlp.nn.Mlp;
import org.mnistmlp.nn.SGD;
import org.mnistmlp.nn.Sequential;

/**
 * An exported model, run by ONNX Runtime on raw [0, 1] pixels, gives the logits our own forward pass
 * gives on the normalised pixels: for every activation, after some training on real MNIST digits.
 */
class OnnxRuntimeAgreementTest {
    private static final Path SUBSET = Path.of("..", "datasets", "src", "test", "resources", "mnist-subset");
    private static final Normalization NORMALIZATION = Normalization.forDataset(DatasetName.MNIST);
    private static final int IMAGES = 100;
    private static final int PIXELS = 784;
    private static final float TOLERANCE = 1e-4f;

    private static MnistData data;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        data = MnistLoader.fromFolder(DatasetName.MNIST, SUBSET);
    }

    static List<String> activations() {
        return Activations.names();
    }

    @ParameterizedTest
    @MethodSource("activations")
    void trainedTwoHiddenLayerModelGivesOurLogits(String activation) throws Exception {
        Sequential model = Mlp.of(List.of(PIXELS, 64, 32, 10), activation, Init.DEFAULT, 11);
        float[] losses = train(model, 30);
        assertTrue(losses[1] < losses[0], activation + ": training did not lower the loss, " + losses[0] + " → " + losses[1]);

        assertSameLogits(model, activation);
    }

    @Test
    void aModelTrainedWithDropoutGivesOurEvaluationLogits() throws Exception {
        Sequential model = Mlp.of(List.of(PIXELS, 64, 10), "relu", Init.DEFAULT, 13, 0.2, 0.5);
        train(model, 30);

        assertSameLogits(model, "dropout, left out of the graph as in evaluation mode");
    }

    @Test
    void modelWithoutHiddenLayerGivesOurLogits() throws Exception {
        Sequential model = Mlp.of(List.of(PIXELS, 10), "relu", Init.DEFAULT, 5);
        train(model, 10);

        assertSameLogits(model, "no hidden layer");
    }

    @Test
    void onnxRuntimeReadsTheMetadata() throws Exception {
        Path file = dir.resolve("model.onnx");
        OnnxExport.write(Mlp.of(List.of(PIXELS, 16, 10), "tanh", Init.DEFAULT, 3), NORMALIZATION.mean(), NORMALIZATION.std(),
                Map.of("dataset", "mnist"), file);

        Map<String, String> metadata = OnnxRuntime.metadata(file);

        assertEquals("mnist", metadata.get("dataset"));
        assertEquals("Sequential(Linear(784 → 16), Tanh, Linear(16 → 10))", metadata.get(OnnxExport.ARCHITECTURE));
        assertEquals("0.1307", metadata.get(OnnxExport.NORMALIZATION_MEAN));
        assertEquals("0.3081", metadata.get(OnnxExport.NORMALIZATION_STD));
        assertEquals("true", metadata.get(OnnxExport.NORMALIZATION_FOLDED));
    }

    private void assertSameLogits(Sequential model, String what) throws Exception {
        ImageSet test = data.test();
        Tensor ours;
        try (NoGrad ignored = NoGrad.enter()) {
            Batch first = test.inOrder(IMAGES, NORMALIZATION).iterator().next();
            ours = model.eval().forward(first.images());
        }
        float[] raw = new float[IMAGES * PIXELS];
        for (int i = 0; i < IMAGES; i++) {
            for (int p = 0; p < PIXELS; p++) {
                raw[i * PIXELS + p] = test.pixel(i, p) / 255f;
            }
        }
        Path file = dir.resolve("model.onnx");
        OnnxExport.write(model, NORMALIZATION.mean(), NORMALIZATION.std(), Map.of(), file);

        float[][] theirs = OnnxRuntime.logits(file, raw, IMAGES, PIXELS);

        int classes = ours.size(1);
        assertEquals(IMAGES, theirs.length, what);
        float worst = 0;
        for (int i = 0; i < IMAGES; i++) {
            assertEquals(classes, theirs[i].length, what);
            for (int c = 0; c < classes; c++) {
                worst = Math.max(worst, Math.abs(theirs[i][c] - ours.data()[i * classes + c]));
            }
        }
        assertTrue(worst <= TOLERANCE, what + ": ONNX Runtime's logits differ from ours by up to " + worst);
    }

    /** SGD with momentum on the subset's training images; returns the first and the last step's loss. */
    private static float[] train(Sequential model, int steps) {
        CrossEntropyLoss lossFn = new CrossEntropyLoss();
        SGD sgd = SGD.builder(model.parameters()).learningRate(0.05).momentum(0.9).build();
        float first = Float.NaN;
        float last = Float.NaN;
        int step = 0;
        for (Batch batch : data.train().batches(64, 1, 0, NORMALIZATION)) {
            if (step++ == steps) {
                break;
            }
            sgd.zeroGrad();
            Tensor loss = lossFn.forward(model.forward(batch.images()), batch.labels());
            loss.backward();
            sgd.step();
            last = loss.item();
            first = Float.isNaN(first) ? last : first;
        }
        return new float[] {first, last};
    }
}
