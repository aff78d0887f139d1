package org.mnistmlp.train;

import java.util.Optional;

/**
 * Receives what the training loop does, so that the loop itself holds no I/O: progress, metrics,
 * checkpoints and live plots are each one listener.
 */
public interface TrainingListener {

    /** After each optimizer step. */
    default void onStep(StepEvent step) {}

    /** After each epoch's training and evaluation. */
    default void onEpoch(EpochResult epoch) {}

    /**
     * Asked after each epoch, once every listener has seen it: a reason, for people, to end training
     * there as a normal end (early stopping), or empty to go on.
     */
    default Optional<String> stopReason() {
        return Optional.empty();
    }

    /** Once, when training ends for whatever reason; the last call listeners get. */
    default void onEnd(Outcome outcome) {}
}
