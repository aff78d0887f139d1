package org.mnistmlp.train.cli;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.mnistmlp.autograd.Activation;
import org.mnistmlp.autograd.KernelWarmUp;
import org.mnistmlp.autograd.Kernels;
import org.mnistmlp.autograd.Tensor;
import org.mnistmlp.datasets.DatasetName;
import org.mnistmlp.datasets.MnistData;
import org.mnistmlp.nn.Module;
import org.mnistmlp.nn.Optimizer;

/**
 * What every training command does first: pick the kernels, then load the data while training steps of
 * a throwaway model of the real shapes get the JIT to compile every path the first epoch will take.
 */
final class Startup {
    /** Enough steps for the optimising compiler to have compiled a step's code at these shapes. */
    private static final int WARM_UP_STEPS = 200;
    /** Bounds the warm-up of large models, whose 200 steps would take longer than they save. */
    private static final Duration MAX_WARM_UP = Duration.ofSeconds(1);

    private Startup() {}

    static MnistData kernelsAndData(TrainingOptions training, List<Integer> hidden, Activation activation, DataOptions data) {
        Kernels.useBest(training.threads);
        try (KernelWarmUp warmUp = KernelWarmUp.start(throwawayStep(training, hidden, activation, data.dataset),
                WARM_UP_STEPS, MAX_WARM_UP)) {
            MnistData loaded = data.load();
            warmUp.finish();
            return loaded;
        }
    }

    /** One training step, as the trainer runs it, of a model and batch that nothing else uses. */
    private static Runnable throwawayStep(TrainingOptions training, List<Integer> hidden, Activation activation,
                                          DatasetName dataset) {
        Module model = ModelOptions.mlp(dataset, hidden, activation.id(), 0, 0, 0);
        Optimizer optimizer = training.optimizerSettings().build(model);
        Random random = new Random(0);
        int inputs = dataset.pixelsPerImage();
        float[] pixels = new float[training.batchSize * inputs];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) random.nextGaussian();
        }
        Tensor images = Tensor.of(pixels, training.batchSize, inputs);
        int[] labels = random.ints(training.batchSize, 0, dataset.classes()).toArray();
        return () -> {
            optimizer.zeroGrad();
            model.forward(images).crossEntropy(labels).backward();
            optimizer.step();
        };
    }
}
