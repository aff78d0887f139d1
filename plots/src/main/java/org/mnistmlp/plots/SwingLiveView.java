package org.mnistmlp.plots;

import java.awt.GridLayout;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import javax.swing.WindowConstants;

/**
 * A window with a run's loss and accuracy charts side by side. Refresh requests only raise a
 * flag; a Swing timer redraws at most {@link #REDRAWS_PER_SECOND} times a second when it is set.
 */
final class SwingLiveView implements LiveView {

    static final int REDRAWS_PER_SECOND = 4;
    private static final int WINDOW_WIDTH = 1280;
    private static final int WINDOW_HEIGHT = 480;

    private final RunHistory run;
    private final JFrame frame;
    private final ChartCanvas lossCanvas;
    private final ChartCanvas accuracyCanvas;
    private final Timer timer;
    private final AtomicBoolean stale = new AtomicBoolean();
    private final CountDownLatch closed = new CountDownLatch(1);

    private SwingLiveView(RunHistory run) {
        this.run = run;
        lossCanvas = new ChartCanvas(Charts.loss(run));
        accuracyCanvas = new ChartCanvas(Charts.accuracy(run));
        frame = new JFrame("Training " + run.name());
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

    /** Builds and shows the window. Call on the Swing thread. */
    static SwingLiveView show(RunHistory run) {
        SwingLiveView view = new SwingLiveView(run);
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
            lossCanvas.setChart(Charts.loss(run));
            accuracyCanvas.setChart(Charts.accuracy(run));
        }
    }
}
