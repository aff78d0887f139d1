package org.mnistmlp.plots;

import java.util.ArrayList;
import java.util.List;

/**
 * What the charts need about one training run: its name, the loss of every step and the
 * measurements of every epoch.
 *
 * <p>Thread-safe: the trainer appends from its thread while a window takes snapshots from the
 * Swing thread. Snapshots are immutable copies, so drawing never blocks training for longer than
 * one copy.
 */
public final class RunHistory {

    private final String name;
    private final String description;
    private final List<StepPoint> steps = new ArrayList<>();
    private final List<EpochPoint> epochs = new ArrayList<>();
    private final List<ValidationPoint> validation = new ArrayList<>();

    /**
     * Creates an empty history.
     *
     * @param name the run's name, shown in legends (for example {@code "relu"})
     * @throws IllegalArgumentException if the name is blank
     */
    public RunHistory(String name) {
        this(name, name);
    }

    /**
     * Creates an empty history with a description for chart titles.
     *
     * @param name the run's name, shown in legends (for example {@code "relu"})
     * @param description what was trained on what, shown in titles (for example
     *     {@code "mnist, MLP 784-512-256-10 relu"})
     * @throws IllegalArgumentException if the name or the description is blank
     */
    public RunHistory(String name, String description) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("run name must not be blank");
        }
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("run description must not be blank");
        }
        this.name = name;
        this.description = description;
    }

    /** Returns the run's name. */
    public String name() {
        return name;
    }

    /** Returns what the run trained on what, for chart titles; its name if not given. */
    public String description() {
        return description;
    }

    /**
     * Records the training loss of one step.
     *
     * @param epochPosition where the step lies, in epochs; not before the previous step
     * @param loss the step's training loss; finite
     * @throws IllegalArgumentException if a value is not finite, the position is negative or the
     *     position goes back
     */
    public synchronized void addStep(double epochPosition, double loss) {
        requireFinite("loss", loss);
        requireFinite("epoch position", epochPosition);
        if (epochPosition < 0) {
            throw new IllegalArgumentException("epoch position must not be negative, got " + epochPosition);
        }
        if (!steps.isEmpty() && epochPosition < steps.get(steps.size() - 1).epochPosition()) {
            throw new IllegalArgumentException("epoch position " + epochPosition
                    + " is before the previous step's " + steps.get(steps.size() - 1).epochPosition());
        }
        steps.add(new StepPoint(epochPosition, loss));
    }

    /**
     * Records the measurements taken at the end of an epoch.
     *
     * @param epoch the epoch number, from 1, greater than the previous recorded epoch
     * @param trainLoss the epoch's training loss; finite
     * @param testLoss the loss on the test set; finite
     * @param testAccuracy the test accuracy as a fraction in {@code [0, 1]}
     * @throws IllegalArgumentException if a value is out of range or the epoch does not increase
     */
    public synchronized void addEpoch(int epoch, double trainLoss, double testLoss,
            double testAccuracy) {
        requireFinite("train loss", trainLoss);
        requireFinite("test loss", testLoss);
        if (!(testAccuracy >= 0 && testAccuracy <= 1)) {
            throw new IllegalArgumentException("test accuracy must be in [0, 1], got " + testAccuracy);
        }
        int previous = epochs.isEmpty() ? 0 : epochs.get(epochs.size() - 1).epoch();
        if (epoch <= previous) {
            throw new IllegalArgumentException(
                    "epoch must be greater than " + previous + ", got " + epoch);
        }
        epochs.add(new EpochPoint(epoch, trainLoss, testLoss, testAccuracy));
    }

    /**
     * Records the measurements on the validation images at the end of an epoch, for runs that hold
     * some training images out.
     *
     * @param epoch the epoch number, from 1, greater than the previous validated epoch
     * @param loss the validation loss; finite
     * @param accuracy the validation accuracy as a fraction in {@code [0, 1]}
     * @throws IllegalArgumentException if a value is out of range or the epoch does not increase
     */
    public synchronized void addValidation(int epoch, double loss, double accuracy) {
        requireFinite("validation loss", loss);
        if (!(accuracy >= 0 && accuracy <= 1)) {
            throw new IllegalArgumentException("validation accuracy must be in [0, 1], got " + accuracy);
        }
        int previous = validation.isEmpty() ? 0 : validation.get(validation.size() - 1).epoch();
        if (epoch <= previous) {
            throw new IllegalArgumentException("epoch must be greater than " + previous + ", got " + epoch);
        }
        validation.add(new ValidationPoint(epoch, loss, accuracy));
    }

    /** Returns an immutable snapshot of the validation measurements so far, in order; empty without any. */
    public synchronized List<ValidationPoint> validation() {
        return List.copyOf(validation);
    }

    /** Returns an immutable snapshot of the steps recorded so far, in order. */
    public synchronized List<StepPoint> steps() {
        return List.copyOf(steps);
    }

    /** Returns an immutable snapshot of the epochs recorded so far, in order. */
    public synchronized List<EpochPoint> epochs() {
        return List.copyOf(epochs);
    }

    private static void requireFinite(String what, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(what + " must be finite, got " + value);
        }
    }
}
