package org.mnistmlp.train;

import java.io.PrintStream;

/**
 * Shows training progress: on a terminal, a live bar per epoch with running loss, samples per second
 * and time left; in a log, only one line per epoch. Either way each epoch ends with a summary line.
 */
final class ProgressPrinter implements TrainingListener {
    private static final long REDRAW_NANOS = 100_000_000;
    private static final int BAR_WIDTH = 28;

    private final PrintStream out;
    private final boolean live;
    private final int epochs;
    private long lastDraw;
    private double runningLoss = Double.NaN;

    ProgressPrinter(PrintStream out, boolean live, int epochs) {
        this.out = out;
        this.live = live;
        this.epochs = epochs;
    }

    @Override
    public void onStep(StepEvent s) {
        runningLoss = Double.isNaN(runningLoss) || s.step() == 1 ? s.loss() : 0.98 * runningLoss + 0.02 * s.loss();
        if (!live) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastDraw < REDRAW_NANOS && s.step() != s.stepsPerEpoch()) {
            return;
        }
        lastDraw = now;
        double done = (double) s.step() / s.stepsPerEpoch();
        int filled = (int) Math.round(done * BAR_WIDTH);
        double left = done > 0 ? s.epochSeconds() * (1 - done) / done : 0;
        out.printf("\repoch %d/%d [%s%s] %3.0f%%  loss %.4f  %,.0f samples/s  %s left ",
                s.epoch(), epochs, "=".repeat(filled), " ".repeat(BAR_WIDTH - filled), done * 100, runningLoss,
                s.samplesPerSecond(), Format.duration(left));
        out.flush();
    }

    @Override
    public void onEpoch(EpochResult e) {
        if (live) {
            out.print("\r\033[K");
        }
        String validation = e.hasValidation()
                ? String.format("  validation loss %.4f  validation accuracy %.2f%%", e.validationLoss(), e.validationAccuracy() * 100)
                : "";
        out.printf("epoch %d/%d  train loss %.4f%s  test loss %.4f  test accuracy %.2f%%  %.1f s  %,.0f samples/s%n",
                e.epoch(), epochs, e.trainLoss(), validation, e.testLoss(), e.testAccuracy() * 100, e.trainSeconds(),
                e.samplesPerSecond());
    }

    @Override
    public void onEnd(Outcome outcome) {
        boolean midEpoch = outcome.status() == Outcome.Status.INTERRUPTED || outcome.status() == Outcome.Status.DIVERGED;
        if (live && midEpoch) {
            out.println();
        }
    }
}
