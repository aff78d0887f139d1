package org.mnistmlp.train;

import java.util.Map;
import org.mnistmlp.nn.LearningRateSchedule;

/**
 * The learning-rate schedule a run uses, in epochs (resolved defaults), turned into steps once the
 * number of steps per epoch is known.
 */
public record ScheduleSettings(Kind kind, double warmupEpochs, int stepEpochs, double gamma) {

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
    public void describe(Map<String, Object> config) {
        config.put("schedule", kind.id());
        if (kind.warmsUp()) {
            config.put("warmup_epochs", warmupEpochs);
        }
        if (kind == Kind.STEP) {
            config.put("step_epochs", stepEpochs);
            config.put("gamma", gamma);
        }
    }

    /** The learning-rate schedules {@code --schedule} offers. */
    public enum Kind {
        CONSTANT("constant"),
        STEP("step"),
        COSINE("cosine"),
        WARMUP_COSINE("warmup-cosine"),
        ONE_CYCLE("one-cycle");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        /** The name a user types and runs record, such as {@code one-cycle}. */
        public String id() {
            return id;
        }

        /** Whether the schedule starts with a rising stretch ({@code --warmup-epochs}). */
        public boolean warmsUp() {
            return this == WARMUP_COSINE || this == ONE_CYCLE;
        }
    }
}
