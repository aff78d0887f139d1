package org.mnistmlp.train;

/** How a training run ended. */
public record Outcome(Status status, String message) {
    /** The ways a run ends. */
    public enum Status { COMPLETED, STOPPED_EARLY, INTERRUPTED, DIVERGED }

    static Outcome completed() {
        return new Outcome(Status.COMPLETED, "");
    }

    static Outcome stoppedEarly(String message) {
        return new Outcome(Status.STOPPED_EARLY, message);
    }

    /** The status as runs record it: completed, stopped_early, interrupted, diverged. */
    public String id() {
        return status.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Training ended early: Ctrl-C or another stopping signal, or a loss that is no longer a finite number. */
    public static final class TrainingStopped extends RuntimeException {
        private final Outcome outcome;

        TrainingStopped(Outcome outcome) {
            super(outcome.message());
            this.outcome = outcome;
        }

        /** How the run ended. */
        public Outcome outcome() {
            return outcome;
        }

        static TrainingStopped interrupted(int epoch, int step) {
            return new TrainingStopped(new Outcome(Outcome.Status.INTERRUPTED,
                    "interrupted by " + Interrupts.cause() + " during epoch " + epoch + " at step " + step + "; completed epochs are kept"));
        }

        static TrainingStopped diverged(int epoch, int step, double loss, double learningRate) {
            return new TrainingStopped(new Outcome(Outcome.Status.DIVERGED, String.format(
                    "loss became %s at epoch %d step %d; try a smaller learning rate than --lr %s",
                    loss, epoch, step, learningRate)));
        }
    }
}
