package org.mnistmlp.train;

import org.mnistmlp.datasets.Normalization;

/**
 * What the training loop needs to know, independent of where the options came from.
 *
 * @param learningRate the base rate the schedule starts from (the peak for one-cycle)
 * @param clipNorm the global gradient norm to clip to, 0 for no clipping
 * @param shift the largest random shift of a training image in pixels (augmentation), 0 for none
 */
public record TrainingSettings(int epochs, int batchSize, double learningRate, ScheduleSettings schedule, double clipNorm, long seed,
                        Normalization normalization, int shift) {
}
