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
 */
record EpochResult(int epoch, double trainLoss, double testLoss, double testAccuracy, double trainSeconds,
                   double samplesPerSecond, double learningRate) {
}
