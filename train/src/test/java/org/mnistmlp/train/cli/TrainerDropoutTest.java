package org.mnistmlp.train.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mnistmlp.datasets.DatasetName;
import org.mnistmlp.datasets.MnistData;
import org.mnistmlp.datasets.MnistLoader;
import org.mnistmlp.datasets.Normalization;
import org.mnistmlp.nn.Dropout;
import org.mnistmlp.nn.Module;
import org.mnistmlp.nn.SGD;
import org.mnistmlp.train.ScheduleSettings;
import org.mnistmlp.train.StepEvent;
import org.mnistmlp.train.Trainer;
import org.mnistmlp.train.TrainingListener;
import org.mnistmlp.train.TrainingSettings;

/** The training loop draws each step's dropout masks from the seed and the step alone, as a resumed run needs. */
class TrainerDropoutTest {
    private static final MnistData DATA = MnistLoader.fromFolder(DatasetName.MNIST, ProgramRun.SUBSET);

    /** The step losses of one epoch of a fresh model whose dropout layers start at mask pass {@code startAt}. */
    private static List<Double> stepLosses(long startAt) {
        Module model = ModelOptions.mlp(DATA.name(), List.of(32), "relu", 4, 0.2, 0.5);
        model.modules().stream().filter(m -> m instanceof Dropout).forEach(m -> ((Dropout) m).seek(startAt));
        List<Double> losses = new ArrayList<>();
        TrainingListener recorder = new TrainingListener() {
            @Override public void onStep(StepEvent step) { losses.add(step.loss()); }
        };
        SGD sgd = SGD.builder(model.parameters()).learningRate(0.1).momentum(0.9).build();
        TrainingSettings settings = new TrainingSettings(1, 64, 0.1, new ScheduleSettings(ScheduleSettings.Kind.CONSTANT, 0, 1, 1), 0, 4,
                Normalization.forDataset(DatasetName.MNIST), 0);
        new Trainer(model, sgd, settings, List.of(recorder)).run(DATA, Optional.empty(), 0);
        return losses;
    }

    @Test
    void masksDoNotDependOnWhereTheLayersMaskCounterStood() {
        List<Double> fresh = stepLosses(0);
        assertEquals(32, fresh.size());
        assertEquals(fresh, stepLosses(12_345), "the loop seeks each step's masks");
    }
}
