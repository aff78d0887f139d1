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
public record StepEvent(int epoch, int step, int stepsPerEpoch, double loss, int samplesSoFar, double epochSeconds) {

    /**
     * Where the step lies, in epochs: the middle of the stretch of training it covers, so that
     * step 1 of 4 in epoch 2 is at 1.125 and epoch boundaries fall between steps.
     */
    double epochPosition() {
        return epoch - 1 + (step - 0.5) / stepsPerEpoch;
    }

    /** Training samples per second in this epoch so far; 0 at its very start. */
    public double samplesPerSecond() {
        return epochSeconds > 0 ? samplesSoFar / epochSeconds : 0;
    }
}
