package org.mnistmlp.train;

/**
 * Receives what the training loop does, so that the loop itself holds no I/O: progress, metrics,
 * checkpoints and live plots are each one listener.
 */
interface TrainingListener {

    /** After each optimizer step. */
    default void onStep(StepEvent step) {}

    /** After each epoch's training and evaluation. */
    default void onEpoch(EpochResult epoch) {}

    /** Once, when training ends for whatever reason; the last call listeners get. */
    default void onEnd(Outcome outcome) {}
}
