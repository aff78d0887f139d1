package org.mnistmlp.train.cli;

import java.time.Duration;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.mnistmlp.autograd.Activation;
import org.mnistmlp.autograd.KernelWarmUp;
import org.mnistmlp.autograd.Kernels;
import org.mnistmlp.datasets.Batch;
import org.mnistmlp.datasets.DatasetName;
import org.mnistmlp.datasets.ImageSet;
import org.mnistmlp.datasets.MnistData;
import org.mnistmlp.datasets.Normalization;
import org.mnistmlp.nn.Module;
import org.mnistmlp.train.Evaluation;
import org.mnistmlp.train.TrainingStep;

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
        try (KernelWarmUp warmUp = KernelWarmUp.start(new ThrowawayTraining(training, hidden, activation, data.dataset),
                WARM_UP_STEPS, MAX_WARM_UP)) {
            MnistData loaded = data.load();
            warmUp.finish();
            return loaded;
        }
    }

    /**
     * One round of training, as the trainer runs it, of a model and images that nothing else uses: a {@link TrainingStep}
     * on the next batch of a small set of random images whose last batch is a partial one, as an epoch's
     * is, and every {@value #EVALUATE_EVERY} rounds an evaluation at the evaluation's batch size. Without
     * these, the first epoch's end and the first evaluation meet code the JIT compiled for full batches
     * only, and it recompiles the step's methods during the next two epochs.
     */
    static final class ThrowawayTraining implements Runnable {
        static final int EVALUATE_EVERY = 25;
        private final Module model;
        private final TrainingStep step;
        private final ImageSet images;
        private final int batchSize;
        private final int shift;
        private final Normalization normalization;
        private final int classes;
        private Iterator<Batch> batches = Collections.emptyIterator();
        private int rounds;

        ThrowawayTraining(TrainingOptions training, List<Integer> hidden, Activation activation, DatasetName dataset) {
            model = ModelOptions.mlp(dataset, hidden, activation.id(), 0, 0, 0);
            step = new TrainingStep(model, training.optimizerSettings().build(model), training.clipNorm);
            batchSize = training.batchSize;
            shift = training.shift;
            normalization = Normalization.forDataset(dataset);
            classes = dataset.classes();
            Random random = new Random(0);
            int count = Evaluation.BATCH_SIZE + batchSize / 2 + 1;
            byte[] pixels = new byte[count * dataset.pixelsPerImage()];
            random.nextBytes(pixels);
            byte[] labels = new byte[count];
            for (int i = 0; i < count; i++) {
                labels[i] = (byte) random.nextInt(classes);
            }
            images = new ImageSet(pixels, labels, dataset.rows(), dataset.cols());
        }

        /** The throwaway model, which these rounds train. */
        Module model() {
            return model;
        }

        @Override
        public void run() {
            if (++rounds % EVALUATE_EVERY == 0) {
                Evaluation.of(model, images, normalization, classes);
                return;
            }
            if (!batches.hasNext()) {
                batches = images.batches(batchSize, 0, rounds, normalization, shift).iterator();
            }
            step.run(batches.next());
        }
    }
}
