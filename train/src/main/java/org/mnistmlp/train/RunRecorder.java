package org.mnistmlp.train;

import com.google.gson.GsonBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mnistmlp.plots.RunHistory;
import org.mnistmlp.plots.StepPoint;

/**
 * Records a run as it goes: per-step losses, per-epoch results and how it ended; renders them as
 * {@code metrics.json} and feeds the charts' {@link RunHistory}.
 */
final class RunRecorder implements TrainingListener {
    private final Map<String, Object> config;
    private final RunHistory history;
    private final List<EpochResult> epochs = new ArrayList<>();
    private Outcome outcome;

    /**
     * @param name the run's name in legends
     * @param description what is trained on what, for chart titles
     */
    RunRecorder(String name, String description, Map<String, Object> config) {
        this.config = config;
        this.history = new RunHistory(name, description);
    }

    RunHistory history() {
        return history;
    }

    List<EpochResult> epochs() {
        return List.copyOf(epochs);
    }

    @Override
    public void onStep(StepEvent step) {
        history.addStep(step.epochPosition(), step.loss());
    }

    @Override
    public void onEpoch(EpochResult e) {
        epochs.add(e);
        history.addEpoch(e.epoch(), e.trainLoss(), e.testLoss(), e.testAccuracy());
    }

    @Override
    public void onEnd(Outcome outcome) {
        this.outcome = outcome;
    }

    /** The run so far as JSON: configuration, one entry per epoch, per-step losses, and status. */
    String toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("config", config);
        root.put("status", outcome == null ? "running" : outcome.id());
        if (outcome != null && !outcome.message().isEmpty()) {
            root.put("message", outcome.message());
        }
        List<Map<String, Object>> epochList = new ArrayList<>();
        for (EpochResult e : epochs) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("epoch", e.epoch());
            m.put("train_loss", e.trainLoss());
            m.put("test_loss", e.testLoss());
            m.put("test_accuracy", e.testAccuracy());
            m.put("train_seconds", e.trainSeconds());
            m.put("samples_per_second", e.samplesPerSecond());
            m.put("learning_rate", e.learningRate());
            epochList.add(m);
        }
        root.put("epochs", epochList);
        root.put("step_loss", history.steps().stream().map(StepPoint::loss).toList());
        return new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create().toJson(root) + "\n";
    }
}
