package org.mnistmlp.train;

/** How a training run ended. */
record Outcome(Status status, String message) {
    enum Status { COMPLETED, STOPPED_EARLY, INTERRUPTED, DIVERGED }

    static Outcome completed() {
        return new Outcome(Status.COMPLETED, "");
    }

    static Outcome stoppedEarly(String message) {
        return new Outcome(Status.STOPPED_EARLY, message);
    }

    String id() {
        return status.name().toLowerCase(java.util.Locale.ROOT);
    }
}
