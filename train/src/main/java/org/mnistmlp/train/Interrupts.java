package org.mnistmlp.train;

import sun.misc.Signal;

/**
 * Turns Ctrl-C (SIGINT) into a polite request: the training loop sees {@link #requested()} at its next
 * step, finishes what it is writing, and the program exits with 130. A second Ctrl-C exits at once.
 */
final class Interrupts {
    private static volatile boolean requested;

    private Interrupts() {}

    /** Installs the handler; if the platform has no SIGINT, Ctrl-C keeps its default behaviour. */
    static void install() {
        try {
            Signal.handle(new Signal("INT"), signal -> {
                if (requested) {
                    Runtime.getRuntime().halt(130);
                }
                requested = true;
            });
        } catch (IllegalArgumentException unsupported) {
            // no SIGINT on this platform
        }
    }

    /** Lets a parent process outlive Ctrl-C so it can report its child's exit code. */
    static void ignoreInThisProcess() {
        try {
            Signal.handle(new Signal("INT"), signal -> { });
        } catch (IllegalArgumentException unsupported) {
            // no SIGINT on this platform
        }
    }

    static boolean requested() {
        return requested;
    }

    /** For tests: simulate a Ctrl-C. */
    static void request() {
        requested = true;
    }

    static void reset() {
        requested = false;
    }
}
