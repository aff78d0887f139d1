package org.mnistmlp.train.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mnistmlp.autograd.Activation;
import org.mnistmlp.autograd.TensorScope;
import org.mnistmlp.datasets.DatasetName;
import picocli.CommandLine;

class StartupTest {
    @Test
    void theWarmUpTrainsItsOwnModelThroughPartialBatchesShiftsAndEvaluations() {
        TrainingOptions training = new TrainingOptions();
        CommandLine options = new CommandLine(training);
        LowerCaseEnumConverter.registerForEveryEnumOption(options);
        options.parseArgs("--batch-size", "96", "--shift", "2");
        Startup.ThrowawayTraining warmUp = new Startup.ThrowawayTraining(training, List.of(16), Activation.RELU, DatasetName.MNIST);
        float[] before = warmUp.model().parameters().get(0).data().clone();
        // 1,049 random images make 10 full batches of 96 and one of 89; two evaluations come on the way
        for (int round = 0; round < 2 * Startup.ThrowawayTraining.EVALUATE_EVERY; round++) {
            try (TensorScope ignored = TensorScope.open()) {
                warmUp.run();
            }
        }
        assertFalse(Arrays.equals(before, warmUp.model().parameters().get(0).data()), "the throwaway model was trained");
    }
}
