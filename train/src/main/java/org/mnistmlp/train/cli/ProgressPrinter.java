package org.mnistmlp.train.cli;

import java.io.PrintStream;
import java.util.function.IntSupplier;
import org.mnistmlp.train.EpochResult;
import org.mnistmlp.train.Outcome;
import org.mnistmlp.train.StepEvent;
import org.mnistmlp.train.TrainingListener;

/**
 * Shows training progress: on a terminal, a live line per epoch with a bar, the running loss, the
 * time left and samples per second, fitted to the terminal's width; in a log, only one line per
 * epoch. Either way each epoch ends with a summary line.
 */
final class ProgressPrinter implements TrainingListener {
    private static final double REDRAW_SECONDS = 0.1;
    private static final String CLEAR_TO_END_OF_LINE = "\033[K";

    private final PrintStream out;
    private final boolean live;
    private final int epochs;
    private final IntSupplier columns;
    private final TimeLeft timeLeft = new TimeLeft();
    private int width;
    private double lastDraw;
    private double runningLoss = Double.NaN;
    private double previousSecondsPerStep = Double.NaN;

    /**
     * @param live whether to draw the live line (on a terminal)
     * @param columns the terminal's width, read at the start of every epoch
     */
    ProgressPrinter(PrintStream out, boolean live, int epochs, IntSupplier columns) {
        this.out = out;
        this.live = live;
        this.epochs = epochs;
        this.columns = columns;
    }

    @Override
    public void onStep(StepEvent s) {
        if (s.step() == 1) {
            runningLoss = s.loss();
            timeLeft.startEpoch(previousSecondsPerStep);
            width = live ? columns.getAsInt() : 0;
            lastDraw = Double.NEGATIVE_INFINITY;
        } else {
            runningLoss = 0.98 * runningLoss + 0.02 * s.loss();
        }
        timeLeft.step(s.step(), s.epochSeconds());
        if (s.step() == s.stepsPerEpoch()) {
            previousSecondsPerStep = s.epochSeconds() / s.stepsPerEpoch();
        }
        if (!live || s.epochSeconds() - lastDraw < REDRAW_SECONDS && s.step() != s.stepsPerEpoch()) {
            return;
        }
        lastDraw = s.epochSeconds();
        out.print("\r" + ProgressLine.of(s.epoch(), epochs, (double) s.step() / s.stepsPerEpoch(), runningLoss,
                s.samplesPerSecond(), timeLeft.seconds(s.step(), s.stepsPerEpoch()), width) + CLEAR_TO_END_OF_LINE);
        out.flush();
    }

    @Override
    public void onEpoch(EpochResult e) {
        if (live) {
            out.print("\r" + CLEAR_TO_END_OF_LINE);
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

    /**
     * The time left in an epoch, from the speed of the latest half second of steps rather than from the
     * epoch's start: the first steps of a run are slow while the JIT compiles, and extrapolating from them
     * told 2:58 for a 2-second epoch. Unknown until half a second after the first step of the first
     * epoch; later epochs start from the previous epoch's speed.
     */
    static final class TimeLeft {
        static final double WINDOW_SECONDS = 0.5;

        private double secondsPerStep = Double.NaN;
        private int windowStep;
        private double windowStart = Double.NaN;

        /** Starts an epoch; {@code previousSecondsPerStep} is NaN when there was no previous epoch. */
        void startEpoch(double previousSecondsPerStep) {
            secondsPerStep = previousSecondsPerStep;
            windowStart = Double.NaN;
        }

        /** Records that {@code step} of the epoch ended {@code seconds} after the epoch started. */
        void step(int step, double seconds) {
            if (Double.isNaN(windowStart)) {
                windowStep = step;
                windowStart = seconds;
            } else if (seconds - windowStart >= WINDOW_SECONDS) {
                secondsPerStep = (seconds - windowStart) / (step - windowStep);
                windowStep = step;
                windowStart = seconds;
            }
        }

        /** Seconds until the epoch's last step, or NaN while the speed is not known yet. */
        double seconds(int step, int stepsPerEpoch) {
            return (stepsPerEpoch - step) * secondsPerStep;
        }
    }
}
