package org.mnistmlp.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RunHistoryTest {

    @Test
    void snapshotsHoldWhatWasAddedAndDoNotChangeLater() {
        RunHistory run = new RunHistory("relu");
        run.addStep(0.5, 1.2);
        run.addEpoch(1, 0.9, 0.8, 0.93);
        List<StepPoint> steps = run.steps();
        List<EpochPoint> epochs = run.epochs();

        run.addStep(1.5, 0.7);
        run.addEpoch(2, 0.6, 0.5, 0.95);

        assertEquals(List.of(new StepPoint(0.5, 1.2)), steps);
        assertEquals(List.of(new EpochPoint(1, 0.9, 0.8, 0.93)), epochs);
        assertEquals(2, run.steps().size());
        assertEquals(2, run.epochs().size());
        assertEquals("relu", run.name());
        assertThrows(UnsupportedOperationException.class, () -> steps.add(new StepPoint(2, 1)));
    }

    @Test
    void rejectsInvalidValuesWithOneLineMessages() {
        RunHistory run = new RunHistory("relu");
        run.addStep(1.0, 0.5);
        run.addEpoch(1, 0.5, 0.5, 0.9);

        assertEquals("loss must be finite, got NaN",
                assertThrows(IllegalArgumentException.class, () -> run.addStep(1.1, Double.NaN))
                        .getMessage());
        assertEquals("epoch position 0.5 is before the previous step's 1.0",
                assertThrows(IllegalArgumentException.class, () -> run.addStep(0.5, 0.4)).getMessage());
        assertEquals("test accuracy must be in [0, 1], got 93.0",
                assertThrows(IllegalArgumentException.class, () -> run.addEpoch(2, 0.4, 0.4, 93))
                        .getMessage());
        assertEquals("epoch must be greater than 1, got 1",
                assertThrows(IllegalArgumentException.class, () -> run.addEpoch(1, 0.4, 0.4, 0.9))
                        .getMessage());
        assertEquals("run name must not be blank",
                assertThrows(IllegalArgumentException.class, () -> new RunHistory(" ")).getMessage());
    }

    @Test
    void validationPointsAreKeptInOrderAndCheckedLikeEpochs() {
        RunHistory run = new RunHistory("relu");
        assertTrue(run.validation().isEmpty());
        run.addValidation(1, 0.4, 0.9);
        run.addValidation(3, 0.3, 0.92);
        assertEquals(List.of(new ValidationPoint(1, 0.4, 0.9), new ValidationPoint(3, 0.3, 0.92)), run.validation());
        assertThrows(IllegalArgumentException.class, () -> run.addValidation(3, 0.3, 0.92));
        assertThrows(IllegalArgumentException.class, () -> run.addValidation(4, Double.NaN, 0.92));
        assertThrows(IllegalArgumentException.class, () -> run.addValidation(4, 0.3, 92));
    }

    @Test
    void snapshotsWhileAnotherThreadAddsStepsDoNotThrow() throws Exception {
        RunHistory run = new RunHistory("relu");
        int stepCount = 200_000;
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<?> trainer = executor.submit(() -> {
                for (int i = 0; i < stepCount; i++) {
                    run.addStep(i / 1000.0, 1.0 / (i + 1));
                }
            });
            int previousSize = 0;
            while (!trainer.isDone()) {
                List<StepPoint> snapshot = run.steps();
                assertTrue(snapshot.size() >= previousSize, "snapshots must only grow");
                previousSize = snapshot.size();
                Charts.loss(run);
            }
            trainer.get(10, TimeUnit.SECONDS);
        } finally {
            executor.shutdownNow();
        }
        assertEquals(stepCount, run.steps().size());
    }
}
