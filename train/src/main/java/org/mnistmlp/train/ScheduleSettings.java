package org.mnistmlp.train;

import java.util.Map;
import org.mnistmlp.nn.LearningRateSchedule;

/**
 * The learning-rate schedule a run uses, in epochs (resolved defaults), turned into steps once the
 * number of steps per epoch is known.
 */
record ScheduleSettings(ScheduleKind kind, double warmupEpochs, int stepEpochs, double gamma) {

    /** The schedule for a run of {@code epochs} epochs of {@code stepsPerEpoch} steps, at {@code lr} (the peak for one-cycle). */
    LearningRateSchedule build(double lr, int stepsPerEpoch, int epochs) {
        return switch (kind) {
            case CONSTANT -> LearningRateSchedule.constant(lr);
            case STEP -> LearningRateSchedule.step(lr, (long) stepEpochs * stepsPerEpoch, gamma);
            case COSINE -> LearningRateSchedule.cosine(lr);
            case WARMUP_COSINE -> LearningRateSchedule.warmupCosine(lr, Math.round(warmupEpochs * stepsPerEpoch));
            case ONE_CYCLE -> LearningRateSchedule.oneCycle(lr, warmupEpochs / epochs);
        };
    }

    /** Adds the settings that apply to this schedule to a run's recorded configuration. */
    void describe(Map<String, Object> config) {
        config.put("schedule", kind.id());
        if (kind.warmsUp()) {
            config.put("warmup_epochs", warmupEpochs);
        }
        if (kind == ScheduleKind.STEP) {
            config.put("step_epochs", stepEpochs);
            config.put("gamma", gamma);
        }
    }
}
