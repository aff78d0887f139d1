package org.mnistmlp.plots;

import java.awt.GridLayout;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
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
 * A window with two charts side by side, a run's loss and accuracy or those of several runs. Refresh requests only raise a
 * flag; a Swing timer redraws at most {@link #REDRAWS_PER_SECOND} times a second when it is set.
 */
final class SwingLiveView implements LiveView {

    static final int REDRAWS_PER_SECOND = 4;
    private static final int WINDOW_WIDTH = 1280;
    private static final int WINDOW_HEIGHT = 480;

    private final Supplier<XYChart> left;
    private final Supplier<XYChart> right;
    private final JFrame frame;
    private final ChartCanvas lossCanvas;
    private final ChartCanvas accuracyCanvas;
    private final Timer timer;
    private final AtomicBoolean stale = new AtomicBoolean();
    private final CountDownLatch closed = new CountDownLatch(1);

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
        timer = new Timer(1000 / REDRAWS_PER_SECOND, event -> redrawIfStale());
        frame.addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosed(WindowEvent e) {
                timer.stop();
                closed.countDown();
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
    public void close() {
        SwingUtilities.invokeLater(frame::dispose);
    }

    private void redrawIfStale() {
        if (stale.getAndSet(false)) {
            lossCanvas.setChart(left.get());
            accuracyCanvas.setChart(right.get());
        }
    }
}
