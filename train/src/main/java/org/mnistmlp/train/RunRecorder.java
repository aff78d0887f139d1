package org.mnistmlp.train;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mnistmlp.plots.RunHistory;
import org.mnistmlp.plots.StepPoint;

/**
 * Records a run as it goes: per-step losses, per-epoch results and how it ended; renders them as
 * {@code metrics.json} and feeds the charts' {@link RunHistory}.
 */
public final class RunRecorder implements TrainingListener {
    private final Map<String, Object> config;
    private final RunHistory history;
    private final List<EpochResult> epochs = new ArrayList<>();
    private final Optional<EarlyStopping> selection;
    private int stepsPerEpoch;
    private Outcome outcome;

    /**
     * @param name the run's name in legends
     * @param description what is trained on what, for chart titles
     * @param selection what picks the best epoch, for runs with a validation split
     */
    public RunRecorder(String name, String description, Map<String, Object> config, Optional<EarlyStopping> selection) {
        this.config = config;
        this.history = new RunHistory(name, description);
        this.selection = selection;
    }

    /** The run's curves so far, for charts. */
    public RunHistory history() {
        return history;
    }

    /** The epochs completed so far, in order. */
    public List<EpochResult> epochs() {
        return List.copyOf(epochs);
    }

    /**
     * The epoch whose model the run keeps: the best by the validation split if it has one, otherwise the
     * last; empty before the first epoch.
     */
    public Optional<EpochResult> kept() {
        if (epochs.isEmpty()) {
            return Optional.empty();
        }
        int epoch = selection.flatMap(s -> s.bestEpoch().stream().boxed().findFirst()).orElse(epochs.size());
        return Optional.of(epochs.get(epoch - 1));
    }

    /** How the run ended; empty while it runs. */
    public Optional<Outcome> outcome() {
        return Optional.ofNullable(outcome);
    }

    @Override
    public void onStep(StepEvent step) {
        stepsPerEpoch = step.stepsPerEpoch();
        history.addStep(step.epochPosition(), step.loss());
    }

    @Override
    public void onEpoch(EpochResult e) {
        epochs.add(e);
        history.addEpoch(e.epoch(), e.trainLoss(), e.testLoss(), e.testAccuracy());
        if (e.hasValidation()) {
            history.addValidation(e.epoch(), e.validationLoss(), e.validationAccuracy());
        }
    }

    @Override
    public void onEnd(Outcome outcome) {
        this.outcome = outcome;
    }

    /**
     * Takes over the first {@code completedEpochs} epochs of an earlier part of this run from its
     * {@code metrics.json}, as if they had just been trained, so that the resumed run's record and
     * charts cover the whole run. Steps of a partly trained epoch after them are dropped.
     *
     * @throws IllegalArgumentException if the metrics hold fewer epochs or steps than that
     */
    public void restore(JsonObject metrics, int completedEpochs, int stepsPerEpoch) {
        JsonArray epochList = metrics.getAsJsonArray("epochs");
        JsonArray stepLosses = metrics.getAsJsonArray("step_loss");
        int steps = completedEpochs * stepsPerEpoch;
        if (epochList == null || epochList.size() < completedEpochs || stepLosses == null || stepLosses.size() < steps) {
            throw new IllegalArgumentException("metrics.json records fewer than the checkpoint's " + completedEpochs + " epochs");
        }
        for (int i = 0; i < steps; i++) {
            onStep(new StepEvent(i / stepsPerEpoch + 1, i % stepsPerEpoch + 1, stepsPerEpoch, stepLosses.get(i).getAsDouble(), 0, 0));
            if ((i + 1) % stepsPerEpoch == 0) {
                JsonObject e = epochList.get(i / stepsPerEpoch).getAsJsonObject();
                onEpoch(new EpochResult(e.get("epoch").getAsInt(), e.get("train_loss").getAsDouble(), e.get("test_loss").getAsDouble(),
                        e.get("test_accuracy").getAsDouble(), e.get("train_seconds").getAsDouble(),
                        e.get("samples_per_second").getAsDouble(), e.get("learning_rate").getAsDouble(), Double.NaN, Double.NaN));
            }
        }
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
            if (e.hasValidation()) {
                m.put("validation_loss", e.validationLoss());
                m.put("validation_accuracy", e.validationAccuracy());
            }
            m.put("test_loss", e.testLoss());
            m.put("test_accuracy", e.testAccuracy());
            m.put("train_seconds", e.trainSeconds());
            m.put("samples_per_second", e.samplesPerSecond());
            m.put("learning_rate", e.learningRate());
            epochList.add(m);
        }
        root.put("epochs", epochList);
        selection.ifPresent(s -> {
            s.bestEpoch().ifPresent(best -> root.put("best_epoch", best));
            root.put("best_by", s.monitor().describe());
        });
        root.put("steps_per_epoch", stepsPerEpoch);
        root.put("step_loss", history.steps().stream().map(StepPoint::loss).toList());
        return new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create().toJson(root) + "\n";
    }
}
