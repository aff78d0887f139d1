package org.mnistmlp.train;

/** Whether output goes to a person at a terminal (live progress bars) or to a log (plain lines). */
final class Terminal {
    private Terminal() {}

    static boolean isInteractive() {
        return System.console() != null && !"dumb".equals(System.getenv("TERM"));
    }
}
