package org.mnistmlp.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mnistmlp.autograd.Tensor;
import org.mnistmlp.nn.Init;
import org.mnistmlp.nn.Mlp;
import org.mnistmlp.nn.Module;

/** The choice of the best epoch, stopping after the patience runs out, and the restore, on scripted figures. */
class EarlyStoppingTest {
    private final Module model = Mlp.of(List.of(3, 4, 2), "relu", Init.DEFAULT, 1);

    /** Marks the model's parameters with the epoch number, as if that epoch had trained them. */
    private void trainedBy(int epoch) {
        model.parameters().forEach(p -> Arrays.fill(p.data(), epoch));
    }

    private static EpochResult epoch(int epoch, double validationLoss, double validationAccuracy) {
        return new EpochResult(epoch, 1.0, 0.3, 0.9, 1.0, 100, 0.1, validationLoss, validationAccuracy);
    }

    /** Feeds the figures one epoch at a time; returns the epoch after which it asked to stop, or 0. */
    private int feed(EarlyStopping watcher, double[] losses, double[] accuracies) {
        for (int i = 0; i < losses.length; i++) {
            trainedBy(i + 1);
            watcher.onEpoch(epoch(i + 1, losses[i], accuracies[i]));
            Optional<String> stop = watcher.stopReason();
            if (stop.isPresent()) {
                return i + 1;
            }
        }
        return 0;
    }

    private int epochInModel() {
        float[] first = model.parameters().get(0).data();
        for (Tensor p : model.parameters()) {
            for (float v : p.data()) {
                assertEquals(first[0], v, "every parameter from the same epoch");
            }
        }
        return (int) first[0];
    }

    @Test
    void stopsOnceTheLossHasNotImprovedForPatienceEpochsAndRestoresTheBest() {
        EarlyStopping watcher = new EarlyStopping(EarlyStopping.Monitor.LOSS, 3, model);
        double[] losses = {0.50, 0.40, 0.45, 0.40, 0.41, 0.30};
        double[] accuracies = {0.90, 0.91, 0.95, 0.96, 0.97, 0.98};
        assertEquals(5, feed(watcher, losses, accuracies), "epochs 3, 4 and 5 do not beat epoch 2 (a tie is no improvement)");
        assertEquals(2, watcher.bestEpoch().getAsInt());
        assertEquals("stopped early after epoch 5: validation loss has not improved for 3 epochs (best at epoch 2)",
                watcher.stopReason().orElseThrow());
        assertFalse(watcher.restored());
        watcher.onEnd(Outcome.stoppedEarly(watcher.stopReason().orElseThrow()));
        assertTrue(watcher.restored());
        assertEquals(2, epochInModel(), "the model holds epoch 2's parameters again");
    }

    @Test
    void accuracyIsBetterWhenHigher() {
        EarlyStopping watcher = new EarlyStopping(EarlyStopping.Monitor.ACCURACY, 2, model);
        double[] losses = {0.5, 0.4, 0.3, 0.2, 0.1};
        double[] accuracies = {0.90, 0.93, 0.92, 0.93, 0.94};
        assertEquals(4, feed(watcher, losses, accuracies));
        assertEquals(2, watcher.bestEpoch().getAsInt());
    }

    @Test
    void patienceZeroNeverStopsButStillRestoresTheBest() {
        EarlyStopping watcher = new EarlyStopping(EarlyStopping.Monitor.LOSS, 0, model);
        assertEquals(0, feed(watcher, new double[] {0.3, 0.2, 0.4, 0.5, 0.6, 0.7}, new double[] {0.9, 0.9, 0.9, 0.9, 0.9, 0.9}));
        watcher.onEnd(new Outcome(Outcome.Status.INTERRUPTED, "interrupted"));
        assertEquals(2, epochInModel());
    }

    @Test
    void nothingToRestoreBeforeTheFirstEpoch() {
        EarlyStopping watcher = new EarlyStopping(EarlyStopping.Monitor.LOSS, 1, model);
        trainedBy(7);
        watcher.onEnd(new Outcome(Outcome.Status.INTERRUPTED, "interrupted"));
        assertFalse(watcher.restored());
        assertTrue(watcher.bestEpoch().isEmpty());
        assertEquals(7, epochInModel());
    }

    @Test
    void refusesEpochsWithoutValidationFigures() {
        EarlyStopping watcher = new EarlyStopping(EarlyStopping.Monitor.LOSS, 1, model);
        assertThrows(IllegalStateException.class, () -> watcher.onEpoch(epoch(1, Double.NaN, Double.NaN)));
    }
}
