package org.mnistmlp.plots;

/** The live view used when no display is available: it shows nothing and ignores requests. */
final class NoDisplayView implements LiveView {

    static final NoDisplayView INSTANCE = new NoDisplayView();

    private NoDisplayView() {}

    @Override
    public boolean isAvailable() {
        return false;
    }

    @Override
    public void refresh() {
        // nothing is shown, so there is nothing to redraw
    }

    @Override
    public boolean awaitClosed(long millis) {
        return true;
    }

    @Override
    public void onClosedByUser(Runnable action) {
        // there is no window to close
    }

    @Override
    public void close() {
        // nothing was opened
    }
}
