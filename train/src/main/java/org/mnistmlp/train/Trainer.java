package org.mnistmlp.train;

import java.util.List;
import java.util.Optional;
import org.mnistmlp.autograd.TensorScope;
import org.mnistmlp.datasets.Batch;
import org.mnistmlp.datasets.ImageSet;
import org.mnistmlp.datasets.MnistData;
import org.mnistmlp.datasets.Normalization;
import org.mnistmlp.nn.Dropout;
import org.mnistmlp.nn.LearningRateSchedule;
import org.mnistmlp.nn.Module;
import org.mnistmlp.nn.Optimizer;

/**
 * The training loop: shuffled mini-batches, forward, loss, backward, optional gradient clipping, an
 * optimizer step at the scheduled learning rate, and an evaluation on the validation split (if any) and
 * the test split after every epoch. Everything it learns goes to its listeners; it ends after an epoch
 * when a listener asks (early stopping), and stops at once, with {@link Outcome.TrainingStopped}, on Ctrl-C or
 * when the loss stops being a finite number.
 */
public final class Trainer {
    private final Module model;
    private final Optimizer optimizer;
    private final TrainingStep trainingStep;
    private final TrainingSettings settings;
    private final List<TrainingListener> listeners;
    private final List<Dropout> dropouts;

    /**
     * @param model the model to train, in place
     * @param optimizer the optimizer over its parameters
     * @param settings epochs, batch size, schedule, clipping, seed and normalization
     * @param listeners told of every step and epoch, in this order
     */
    public Trainer(Module model, Optimizer optimizer, TrainingSettings settings, List<TrainingListener> listeners) {
        this.model = model;
        this.dropouts = model.modules().stream().filter(m -> m instanceof Dropout).map(m -> (Dropout) m).toList();
        this.optimizer = optimizer;
        this.trainingStep = new TrainingStep(model, optimizer, settings.clipNorm());
        this.settings = settings;
        this.listeners = List.copyOf(listeners);
    }

    /** The steps of one epoch over {@code data}'s training split, the last batch possibly smaller. */
    public static int stepsPerEpoch(MnistData data, int batchSize) {
        return (data.train().size() + batchSize - 1) / batchSize;
    }

    /**
     * Trains on {@code data.train()} the epochs after {@code completedEpochs} (0 for a new run) up to the
     * configured number, measuring {@code validation} (if present) and {@code data.test()} after each;
     * listeners always receive {@code onEnd}. Batches are shuffled from the seed and the epoch number,
     * and the schedule is a function of the step, so a resumed run continues exactly where it stopped.
     */
    public void run(MnistData data, Optional<ImageSet> validation, int completedEpochs) {
        int stepsPerEpoch = stepsPerEpoch(data, settings.batchSize());
        LearningRateSchedule schedule = settings.schedule().build(settings.learningRate(), stepsPerEpoch, settings.epochs());
        Outcome outcome = Outcome.completed();
        try {
            for (int epoch = completedEpochs + 1; epoch <= settings.epochs(); epoch++) {
                EpochResult result = runEpoch(data, validation, epoch, stepsPerEpoch, schedule);
                listeners.forEach(l -> l.onEpoch(result));
                Optional<String> stop = listeners.stream().flatMap(l -> l.stopReason().stream()).findFirst();
                if (stop.isPresent() && epoch < settings.epochs()) {
                    outcome = Outcome.stoppedEarly(stop.get());
                    break;
                }
            }
        } catch (Outcome.TrainingStopped stopped) {
            outcome = stopped.outcome();
            throw stopped;
        } finally {
            Outcome end = outcome;
            listeners.forEach(l -> l.onEnd(end));
        }
    }

    private EpochResult runEpoch(MnistData data, Optional<ImageSet> validation, int epoch, int stepsPerEpoch,
            LearningRateSchedule schedule) {
        Normalization norm = settings.normalization();
        int batchSize = settings.batchSize();
        long totalSteps = (long) stepsPerEpoch * settings.epochs();
        model.train();
        long start = System.nanoTime();
        double lossSum = 0;
        int step = 0;
        int samples = 0;
        for (Batch batch : data.train().batches(batchSize, settings.seed(), epoch, norm, settings.shift())) {
            step++;
            if (Interrupts.requested()) {
                throw Outcome.TrainingStopped.interrupted(epoch, step);
            }
            long globalStep = (long) (epoch - 1) * stepsPerEpoch + step - 1;
            optimizer.setLearningRate(schedule.rate(globalStep, totalSteps));
            // the masks of a step follow from the seed and the step alone, so a resumed run draws the same ones
            dropouts.forEach(d -> d.seek(globalStep));
            double value;
            try (TensorScope ignored = TensorScope.open()) {   // recycles this step's buffers
                value = trainingStep.run(batch);
            }
            if (!Double.isFinite(value)) {
                throw Outcome.TrainingStopped.diverged(epoch, step, value, settings.learningRate());
            }
            lossSum += value * batch.size();
            samples += batch.size();
            StepEvent event = new StepEvent(epoch, step, stepsPerEpoch, value, samples, (System.nanoTime() - start) / 1e9);
            listeners.forEach(l -> l.onStep(event));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int classes = data.name().classes();
        Optional<Evaluation> held = validation.map(images -> Evaluation.of(model, images, norm, classes));
        Evaluation test = Evaluation.of(model, data.test(), norm, classes);
        return new EpochResult(epoch, lossSum / samples, test.loss(), test.accuracy(), seconds, samples / seconds,
                optimizer.learningRate(), held.map(Evaluation::loss).orElse(Double.NaN),
                held.map(Evaluation::accuracy).orElse(Double.NaN));
    }
}
