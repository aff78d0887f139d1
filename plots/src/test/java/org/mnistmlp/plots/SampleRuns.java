package org.mnistmlp.plots;

import java.util.Random;

/** Plausible fake training runs for tests: a loss decaying with noise, accuracy rising. */
final class SampleRuns {

    private SampleRuns() {}

    /** Returns a run of {@code epochs} epochs with {@code stepsPerEpoch} steps each. */
    static RunHistory decaying(String name, int epochs, int stepsPerEpoch, double finalAccuracy,
            long seed) {
        Random random = new Random(seed);
        RunHistory run = new RunHistory(name);
        for (int epoch = 1; epoch <= epochs; epoch++) {
            double epochLossSum = 0;
            for (int step = 1; step <= stepsPerEpoch; step++) {
                double position = epoch - 1 + (double) step / stepsPerEpoch;
                double loss = (0.08 + 2.2 * Math.exp(-12 * position) + 0.25 / (1 + 3 * position))
                        * Math.exp(0.35 * random.nextGaussian());
                run.addStep(position, loss);
                epochLossSum += loss;
            }
            double progress = epochs == 1 ? 1 : (epoch - 1.0) / (epochs - 1);
            double accuracy = finalAccuracy - 0.03 * Math.pow(1 - progress, 1.5);
            run.addEpoch(epoch, epochLossSum / stepsPerEpoch, 0.07 + 0.2 / (1 + 2 * epoch), accuracy);
        }
        return run;
    }
}
