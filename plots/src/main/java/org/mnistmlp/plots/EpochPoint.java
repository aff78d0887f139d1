package org.mnistmlp.plots;

/**
 * The measurements taken at the end of one epoch.
 *
 * @param epoch the epoch number, counted from 1; drawn at epoch position {@code epoch}
 * @param trainLoss the training loss of the epoch
 * @param testLoss the loss on the test set after the epoch
 * @param testAccuracy the fraction of test examples classified correctly, in {@code [0, 1]}
 */
public record EpochPoint(int epoch, double trainLoss, double testLoss, double testAccuracy) {}
