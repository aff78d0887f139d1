package org.mnistmlp.plots;

/**
 * The measurements on the held-out validation images at the end of one epoch.
 *
 * @param epoch the epoch number, counted from 1
 * @param loss the loss on the validation images
 * @param accuracy the fraction of validation images classified correctly, in {@code [0, 1]}
 */
public record ValidationPoint(int epoch, double loss, double accuracy) {}
