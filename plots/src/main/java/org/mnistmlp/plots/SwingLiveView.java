package org.mnistmlp.plots;

import java.awt.GridLayout;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import javax.swing.WindowConstants;
import org.knowm.xchart.XYChart;

/**
 * A window with two charts side by side, a run's loss and accuracy or those of several runs. Refresh
 * requests only raise a flag; a Swing timer checks it ten times a second and redraws when the
 * {@link RedrawThrottle} allows, so the training thread never draws and the window takes at most a
 * tenth of the time.
 */
final class SwingLiveView implements LiveView {

    private static final int CHECKS_PER_SECOND = 10;
    private static final int WINDOW_WIDTH = 1280;
    private static final int WINDOW_HEIGHT = 480;

    private final Supplier<XYChart> left;
    private final Supplier<XYChart> right;
    private final JFrame frame;
    private final ChartCanvas lossCanvas;
    private final ChartCanvas accuracyCanvas;
    private final Timer timer;
    private final AtomicBoolean stale = new AtomicBoolean();
    private final RedrawThrottle throttle = new RedrawThrottle();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final List<Runnable> closeActions = new CopyOnWriteArrayList<>();
    private volatile boolean closedByProgram;

    private SwingLiveView(String title, Supplier<XYChart> left, Supplier<XYChart> right) {
        this.left = left;
        this.right = right;
        lossCanvas = new ChartCanvas(left.get());
        accuracyCanvas = new ChartCanvas(right.get());
        frame = new JFrame(title);
        frame.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
        frame.setLayout(new GridLayout(1, 2));
        frame.add(lossCanvas);
        frame.add(accuracyCanvas);
        timer = new Timer(1000 / CHECKS_PER_SECOND, event -> redrawIfStale());
        frame.addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosed(WindowEvent e) {
                timer.stop();
                closed.countDown();
                if (!closedByProgram) {
                    closeActions.forEach(Runnable::run);
                }
            }
        });
    }

    /** Builds and shows the window, drawing the charts the suppliers make. Call on the Swing thread. */
    static SwingLiveView show(String title, Supplier<XYChart> left, Supplier<XYChart> right) {
        SwingLiveView view = new SwingLiveView(title, left, right);
        view.frame.setSize(WINDOW_WIDTH, WINDOW_HEIGHT);
        view.frame.setLocationByPlatform(true);
        view.frame.setVisible(true);
        view.timer.start();
        return view;
    }

    @Override
    public boolean isAvailable() {
        return true;
    }

    @Override
    public void refresh() {
        stale.set(true);
    }

    @Override
    public boolean awaitClosed(long millis) throws InterruptedException {
        return closed.await(millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void onClosedByUser(Runnable action) {
        closeActions.add(action);
    }

    @Override
    public void close() {
        closedByProgram = true;
        SwingUtilities.invokeLater(frame::dispose);
    }

    private void redrawIfStale() {
        long start = System.nanoTime();
        if (throttle.due(start) && stale.getAndSet(false)) {
            lossCanvas.setChart(left.get());
            accuracyCanvas.setChart(right.get());
            throttle.drawn(start, System.nanoTime());
        }
    }
}
