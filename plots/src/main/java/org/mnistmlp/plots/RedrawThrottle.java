package org.mnistmlp.plots;

/**
 * When the live window may redraw: at most {@link #MAX_PER_SECOND} times a second, and never
 * sooner than {@link #IDLE_FACTOR} times the last redraw's duration after it, so that drawing takes
 * at most a tenth of the time, however slow the machine, the display or the first (not yet
 * compiled) redraws are. Training shares the processor with the window; on two cores an
 * unthrottled window doubled the first epoch.
 */
final class RedrawThrottle {
    static final int MAX_PER_SECOND = 2;
    static final int IDLE_FACTOR = 9;
    private static final long MIN_INTERVAL_NANOS = 1_000_000_000L / MAX_PER_SECOND;

    private boolean drawnBefore;
    private long nextNanos;

    /** Whether a redraw may start at {@code nowNanos}. */
    boolean due(long nowNanos) {
        return !drawnBefore || nowNanos - nextNanos >= 0;
    }

    /** Records a redraw that ran from {@code startNanos} to {@code endNanos}. */
    void drawn(long startNanos, long endNanos) {
        drawnBefore = true;
        nextNanos = startNanos + Math.max(MIN_INTERVAL_NANOS, (endNanos - startNanos) * (IDLE_FACTOR + 1));
    }
}
