package org.mnistmlp.train;

/** How the learning rate moves over a run. */
enum Schedule {
    /** The same rate throughout. */
    CONSTANT,
    /** Cosine annealing from the base rate to zero over all steps (updated every step). */
    COSINE;

    double rate(double base, long step, long totalSteps) {
        return switch (this) {
            case CONSTANT -> base;
            case COSINE -> base * 0.5 * (1 + Math.cos(Math.PI * step / Math.max(1, totalSteps)));
        };
    }
}
