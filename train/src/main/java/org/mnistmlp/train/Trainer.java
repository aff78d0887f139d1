package org.mnistmlp.train;

import java.util.List;
import org.mnistmlp.autograd.Tensor;
import org.mnistmlp.autograd.TensorScope;
import org.mnistmlp.datasets.Batch;
import org.mnistmlp.datasets.MnistData;
import org.mnistmlp.datasets.Normalization;
import org.mnistmlp.nn.ClipGrad;
import org.mnistmlp.nn.LearningRateSchedule;
import org.mnistmlp.nn.Module;
import org.mnistmlp.nn.Optimizer;

/**
 * The training loop: shuffled mini-batches, forward, loss, backward, optional gradient clipping, an
 * optimizer step at the scheduled learning rate, and an evaluation on the test split after every epoch.
 * Everything it learns goes to its listeners; it stops early, with {@link TrainingStopped}, on Ctrl-C
 * or when the loss stops being a finite number.
 */
final class Trainer {
    private final Module model;
    private final Optimizer optimizer;
    private final List<Tensor> params;
    private final TrainingSettings settings;
    private final List<TrainingListener> listeners;

    Trainer(Module model, Optimizer optimizer, TrainingSettings settings, List<TrainingListener> listeners) {
        this.model = model;
        this.optimizer = optimizer;
        this.params = optimizer.params();
        this.settings = settings;
        this.listeners = List.copyOf(listeners);
    }

    /** The steps of one epoch over {@code data}'s training split, the last batch possibly smaller. */
    static int stepsPerEpoch(MnistData data, int batchSize) {
        return (data.train().size() + batchSize - 1) / batchSize;
    }

    /**
     * Trains the epochs after {@code completedEpochs} (0 for a new run) up to the configured number;
     * listeners always receive {@code onEnd}. Batches are shuffled from the seed and the epoch number,
     * and the schedule is a function of the step, so a resumed run continues exactly where it stopped.
     */
    void run(MnistData data, int completedEpochs) {
        int stepsPerEpoch = stepsPerEpoch(data, settings.batchSize());
        LearningRateSchedule schedule = settings.schedule().build(settings.learningRate(), stepsPerEpoch, settings.epochs());
        Outcome outcome = Outcome.completed();
        try {
            for (int epoch = completedEpochs + 1; epoch <= settings.epochs(); epoch++) {
                EpochResult result = runEpoch(data, epoch, stepsPerEpoch, schedule);
                listeners.forEach(l -> l.onEpoch(result));
            }
        } catch (TrainingStopped stopped) {
            outcome = stopped.outcome();
            throw stopped;
        } finally {
            Outcome end = outcome;
            listeners.forEach(l -> l.onEnd(end));
        }
    }

    private EpochResult runEpoch(MnistData data, int epoch, int stepsPerEpoch, LearningRateSchedule schedule) {
        Normalization norm = settings.normalization();
        int batchSize = settings.batchSize();
        long totalSteps = (long) stepsPerEpoch * settings.epochs();
        model.train();
        long start = System.nanoTime();
        double lossSum = 0;
        int step = 0;
        int samples = 0;
        for (Batch batch : data.train().batches(batchSize, settings.seed(), epoch, norm)) {
            step++;
            if (Interrupts.requested()) {
                throw TrainingStopped.interrupted(epoch, step);
            }
            optimizer.setLearningRate(schedule.rate((long) (epoch - 1) * stepsPerEpoch + step - 1, totalSteps));
            double value;
            try (TensorScope ignored = TensorScope.open()) {   // recycles this step's buffers
                optimizer.zeroGrad();
                Tensor loss = model.forward(batch.images()).crossEntropy(batch.labels());
                value = loss.item();
                if (!Double.isFinite(value)) {
                    throw TrainingStopped.diverged(epoch, step, value, settings.learningRate());
                }
                loss.backward();
                if (settings.clipNorm() > 0) {
                    ClipGrad.clipGradNorm(params, settings.clipNorm());
                }
                optimizer.step();
            }
            lossSum += value * batch.size();
            samples += batch.size();
            StepEvent event = new StepEvent(epoch, step, stepsPerEpoch, value, samples, (System.nanoTime() - start) / 1e9);
            listeners.forEach(l -> l.onStep(event));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Evaluation test = Evaluation.of(model, data.test(), norm, data.name().classes());
        return new EpochResult(epoch, lossSum / samples, test.loss(), test.accuracy(), seconds, samples / seconds,
                optimizer.learningRate());
    }
}
