package org.mnistmlp.train;

/**
 * What one epoch earned.
 *
 * @param epoch 1-based epoch
 * @param trainLoss mean mini-batch loss over the epoch
 * @param testLoss mean loss on the test split after the epoch
 * @param testAccuracy fraction of the test split classified correctly, 0..1
 * @param trainSeconds wall time of the training part (evaluation excluded)
 * @param samplesPerSecond training samples per second
 * @param learningRate the learning rate at the epoch's last step
 * @param validationLoss mean loss on the held-out validation images, NaN without a validation split
 * @param validationAccuracy fraction of the validation images classified correctly, NaN without a split
 */
public record EpochResult(int epoch, double trainLoss, double testLoss, double testAccuracy, double trainSeconds,
                   double samplesPerSecond, double learningRate, double validationLoss, double validationAccuracy) {

    /** Whether the epoch was measured on a validation split. */
    public boolean hasValidation() {
        return !Double.isNaN(validationAccuracy);
    }
}
