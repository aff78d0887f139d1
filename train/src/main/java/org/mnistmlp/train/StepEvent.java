package org.mnistmlp.train;

/**
 * One optimizer step.
 *
 * @param epoch 1-based epoch
 * @param step 1-based step within the epoch
 * @param stepsPerEpoch steps in a full epoch
 * @param loss the mini-batch loss before the step
 * @param samplesSoFar training samples seen in this epoch, this batch included
 * @param epochSeconds seconds since the epoch started
 */
record StepEvent(int epoch, int step, int stepsPerEpoch, double loss, int samplesSoFar, double epochSeconds) {

    /** Position in epochs, e.g. 1.25 is a quarter into the second epoch. */
    double epochPosition() {
        return epoch - 1 + (double) step / stepsPerEpoch;
    }

    double samplesPerSecond() {
        return epochSeconds > 0 ? samplesSoFar / epochSeconds : 0;
    }
}
