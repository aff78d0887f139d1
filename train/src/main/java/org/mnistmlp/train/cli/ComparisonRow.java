package org.mnistmlp.train.cli;

import java.util.List;
import java.util.Optional;
import org.mnistmlp.train.EpochResult;
import org.mnistmlp.train.Outcome;
import org.mnistmlp.train.RunRecorder;

/**
 * One run of a comparison as its table shows it. The figures are those of the epoch whose model the run
 * keeps (the best by validation with a validation split, else the last); NaN where there is none.
 *
 * @param label what tells the run apart, e.g. {@code lr=0.1, hidden=512,256}
 * @param folder the run's own folder, relative to the comparison's
 * @param settings the values of the options that vary, in column order
 * @param epochs epochs completed
 * @param trainSeconds training time summed over the completed epochs, NaN before the first
 * @param status how the run ended: completed, stopped_early, interrupted, diverged
 */
record ComparisonRow(String label, String folder, List<String> settings, int epochs, double trainSeconds, String status,
                     double testAccuracy, double testLoss, double trainLoss, double validationAccuracy,
                     double validationLoss) {

    static ComparisonRow of(Grid.Run run, Experiment experiment) {
        RunRecorder recorder = experiment.recorder();
        List<EpochResult> epochs = recorder.epochs();
        Optional<EpochResult> kept = recorder.kept();
        double seconds = epochs.isEmpty() ? Double.NaN : epochs.stream().mapToDouble(EpochResult::trainSeconds).sum();
        String status = recorder.outcome().map(Outcome::id).orElse("running");
        return new ComparisonRow(run.label(), run.folder(), run.varyingValues(), epochs.size(), seconds, status,
                kept.map(EpochResult::testAccuracy).orElse(Double.NaN), kept.map(EpochResult::testLoss).orElse(Double.NaN),
                kept.map(EpochResult::trainLoss).orElse(Double.NaN),
                kept.map(EpochResult::validationAccuracy).orElse(Double.NaN),
                kept.map(EpochResult::validationLoss).orElse(Double.NaN));
    }

    boolean hasValidation() {
        return !Double.isNaN(validationAccuracy);
    }
}
