package org.mnistmlp.plots;

/**
 * The training loss of one optimisation step.
 *
 * @param epochPosition where the step lies in training, in epochs: {@code 1.25} is a quarter into
 *     the second epoch, and epoch {@code e} ends at position {@code e}
 * @param loss the training loss of the step's batch
 */
public record StepPoint(double epochPosition, double loss) {}
