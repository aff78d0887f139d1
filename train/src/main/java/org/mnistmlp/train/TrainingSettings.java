package org.mnistmlp.train;

import org.mnistmlp.datasets.Normalization;

/** What the training loop needs to know, independent of where the options came from. */
record TrainingSettings(int epochs, int batchSize, double learningRate, Schedule schedule, long seed,
                        Normalization normalization) {
}
