package org.mnistmlp.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.mnistmlp.autograd.Tensor;
import org.mnistmlp.nn.Module;

/**
 * Watches a validation figure, as Keras's {@code EarlyStopping(restore_best_weights=True)} does: keeps a
 * copy of the parameters of the best epoch so far, asks the loop to stop once the figure has not improved
 * for {@code patience} epochs (never, if patience is 0), and when training ends, however it ends, puts
 * the best epoch's parameters back into the model. Decisions use the validation split only.
 */
public final class EarlyStopping implements TrainingListener {

    /** The validation figure that decides which epoch is best. */
    public enum Monitor {
        /** Validation loss: lower is better. */
        LOSS,
        /** Validation accuracy: higher is better. */
        ACCURACY;

        double of(EpochResult e) {
            return this == LOSS ? e.validationLoss() : e.validationAccuracy();
        }

        boolean improves(double value, double best) {
            return this == LOSS ? value < best : value > best;
        }

        /** The figure's name for people: "validation loss". */
        public String describe() {
            return "validation " + name().toLowerCase(Locale.ROOT);
        }
    }

    private final Monitor monitor;
    private final int patience;
    private final Module model;
    private final List<float[]> bestParameters = new ArrayList<>();
    private double best = Double.NaN;
    private int bestEpoch;
    private int lastEpoch;
    private boolean restored;

    /**
     * @param patience epochs without improvement before stopping; 0 never stops early
     * @param model whose parameters are kept and restored
     */
    public EarlyStopping(Monitor monitor, int patience, Module model) {
        this.monitor = monitor;
        this.patience = patience;
        this.model = model;
    }

    @Override
    public void onEpoch(EpochResult e) {
        if (!e.hasValidation()) {
            throw new IllegalStateException("early stopping needs validation figures, epoch " + e.epoch() + " has none");
        }
        lastEpoch = e.epoch();
        double value = monitor.of(e);
        if (bestEpoch == 0 || monitor.improves(value, best)) {
            best = value;
            bestEpoch = e.epoch();
            keepParameters();
        }
    }

    @Override
    public Optional<String> stopReason() {
        if (patience == 0 || bestEpoch == 0 || lastEpoch - bestEpoch < patience) {
            return Optional.empty();
        }
        return Optional.of(String.format("stopped early after epoch %d: %s has not improved for %d epochs (best at epoch %d)",
                lastEpoch, monitor.describe(), lastEpoch - bestEpoch, bestEpoch));
    }

    /** Puts the best epoch's parameters back, unless the model already holds them. */
    @Override
    public void onEnd(Outcome outcome) {
        if (bestEpoch == 0) {
            return;
        }
        List<Tensor> parameters = model.parameters();
        for (int i = 0; i < parameters.size(); i++) {
            float[] kept = bestParameters.get(i);
            System.arraycopy(kept, 0, parameters.get(i).data(), 0, kept.length);
        }
        restored = true;
    }

    /** The best epoch so far, or empty before the first epoch. */
    OptionalInt bestEpoch() {
        return bestEpoch == 0 ? OptionalInt.empty() : OptionalInt.of(bestEpoch);
    }

    /** Whether training has ended and the model holds the best epoch's parameters again. */
    boolean restored() {
        return restored;
    }

    /** The figure that decides which epoch is best. */
    public Monitor monitor() {
        return monitor;
    }

    private void keepParameters() {
        List<Tensor> parameters = model.parameters();
        if (bestParameters.isEmpty()) {
            parameters.forEach(p -> bestParameters.add(new float[p.numel()]));
        }
        for (int i = 0; i < parameters.size(); i++) {
            System.arraycopy(parameters.get(i).data(), 0, bestParameters.get(i), 0, bestParameters.get(i).length);
        }
    }
}
