package org.mnistmlp.plots;

import java.awt.AWTError;
import java.awt.GraphicsEnvironment;
import java.awt.HeadlessException;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.function.Supplier;
import javax.swing.SwingUtilities;
import org.knowm.xchart.XYChart;

/**
 * A window showing the loss and accuracy charts of a run while it trains.
 *
 * <p>Obtained from {@link #open}, which never fails for want of a display: without one it returns
 * a view that does nothing and whose {@link #isAvailable()} is false, so the trainer may call
 * {@link #refresh()} and {@link #close()} unconditionally.
 */
public interface LiveView extends AutoCloseable {

    /**
     * Opens a window on the run's charts, or returns a no-op view if there is no display.
     *
     * @param run the history the trainer fills; the window reads snapshots of it
     */
    static LiveView open(RunHistory run) {
        return open("Training " + run.name(), () -> Charts.loss(run), () -> Charts.accuracy(run));
    }

    /**
     * Opens a window on the runs' loss and accuracy comparison charts, or returns a no-op view if
     * there is no display.
     *
     * @param runs the histories to overlay, with distinct names
     */
    static LiveView openComparison(List<RunHistory> runs) {
        return open("Runs compared", () -> Charts.lossComparison(runs), () -> Charts.accuracyComparison(runs));
    }

    private static LiveView open(String title, Supplier<XYChart> left, Supplier<XYChart> right) {
        if (GraphicsEnvironment.isHeadless()) {
            return NoDisplayView.INSTANCE;
        }
        try {
            if (SwingUtilities.isEventDispatchThread()) {
                return SwingLiveView.show(title, left, right);
            }
            SwingLiveView[] opened = new SwingLiveView[1];
            SwingUtilities.invokeAndWait(() -> opened[0] = SwingLiveView.show(title, left, right));
            return opened[0];
        } catch (HeadlessException | AWTError e) {
            return NoDisplayView.INSTANCE;
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof HeadlessException || e.getCause() instanceof AWTError) {
                return NoDisplayView.INSTANCE;
            }
            throw new IllegalStateException("cannot open the chart window: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return NoDisplayView.INSTANCE;
        }
    }

    /** A view that shows nothing: for runs that asked for no window. */
    static LiveView none() {
        return NoDisplayView.INSTANCE;
    }

    /** Returns whether a window is shown; false when there was no display. */
    boolean isAvailable();

    /**
     * Asks for the charts to be redrawn from the run's latest data. Cheap and callable from any
     * thread: requests are coalesced into at most two redraws a second on the Swing thread, fewer
     * when redrawing is slow, so that drawing takes at most a tenth of the time.
     */
    void refresh();

    /**
     * Waits up to {@code millis} for the user to close the window; returns whether it is closed.
     * A view without a window is always closed.
     */
    boolean awaitClosed(long millis) throws InterruptedException;

    /**
     * Runs {@code action}, on the Swing thread, when the user closes the window (not when
     * {@link #close()} does). A view without a window never runs it.
     */
    void onClosedByUser(Runnable action);

    /** Closes the window, if any. The view does nothing afterwards. */
    @Override
    void close();
}
