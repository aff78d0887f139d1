package org.mnistmlp.plots;

import java.awt.GridLayout;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import javax.swing.WindowConstants;

/**
 * A window with a run's loss and accuracy charts side by side. Refresh requests only raise a
 * flag; a Swing timer checks it ten times a second and redraws when the {@link RedrawThrottle}
 * allows, so the training thread never draws and the window takes at most a tenth of the time.
 */
final class SwingLiveView implements LiveView {

    private static final int CHECKS_PER_SECOND = 10;
    private static final int WINDOW_WIDTH = 1280;
    private static final int WINDOW_HEIGHT = 480;

    private final RunHistory run;
    private final JFrame frame;
    private final ChartCanvas lossCanvas;
    private final ChartCanvas accuracyCanvas;
    private final Timer timer;
    private final AtomicBoolean stale = new AtomicBoolean();
    private final RedrawThrottle throttle = new RedrawThrottle();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final List<Runnable> closeActions = new CopyOnWriteArrayList<>();
    private volatile boolean closedByProgram;

    private SwingLiveView(RunHistory run) {
        this.run = run;
        lossCanvas = new ChartCanvas(Charts.loss(run));
        accuracyCanvas = new ChartCanvas(Charts.accuracy(run));
        frame = new JFrame("Training " + run.name());
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
            lossCanvas.setChart(Charts.loss(run));
            accuracyCanvas.setChart(Charts.accuracy(run));
            throttle.drawn(start, System.nanoTime());
        }
    }
}
