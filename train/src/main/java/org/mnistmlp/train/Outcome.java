package org.mnistmlp.train;

/** How a training run ended. */
record Outcome(Status status, String message) {
    enum Status { COMPLETED, INTERRUPTED, DIVERGED }

    static Outcome completed() {
        return new Outcome(Status.COMPLETED, "");
    }

    String id() {
        return status.name().toLowerCase(java.util.Locale.ROOT);
    }
}
