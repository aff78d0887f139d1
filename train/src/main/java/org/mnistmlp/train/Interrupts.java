package org.mnistmlp.train;

import java.util.List;
import java.util.function.Consumer;

/**
 * Turns Ctrl-C (SIGINT), SIGTERM ({@code kill}, {@code timeout}, container stops) and SIGHUP (a closed
 * terminal) into a polite request: the training loop sees {@link #requested()} at its next step, the
 * run keeps what it earned and writes its charts, and the program exits with 128 + the signal's
 * number (130, 143, 129). A second signal, a second or more after the first, exits at once; one sooner
 * is taken for the same request (a Ctrl-C reaches both the launcher, which passes it on, and this JVM).
 */
public final class Interrupts {
    /** The signals a run stops on. */
    static final List<String> SIGNALS = List.of("INT", "TERM", "HUP");
    /** The exit code of a run stopped by Ctrl-C, as shells report it (128 + SIGINT's 2). */
    public static final int CTRL_C_EXIT = 130;
    private static final long REPEAT_NANOS = 1_000_000_000L;

    private static volatile Signals.Received first;
    private static volatile long firstNanos;

    private Interrupts() {}

    /** Installs the handlers; a signal the platform lacks keeps its default behaviour. */
    public static void install() {
        handleAll(signal -> {
            if (first == null) {
                firstNanos = System.nanoTime();
                first = signal;
            } else if (System.nanoTime() - firstNanos >= REPEAT_NANOS) {
                Runtime.getRuntime().halt(exitCode());
            }
        });
    }

    /** Runs {@code handler} instead of the JVM's default on each of {@link #SIGNALS}. */
    public static void handleAll(Consumer<Signals.Received> handler) {
        SIGNALS.forEach(name -> Signals.handle(name, handler));
    }

    /** Whether a stop was asked for (a signal, or {@link #request()}). */
    public static boolean requested() {
        return first != null;
    }

    /** 128 + the number of the signal that stopped the run, as shells report it; 130 if none came. */
    public static int exitCode() {
        Signals.Received signal = first;
        return signal == null ? CTRL_C_EXIT : 128 + signal.number();
    }

    /** How the stop came, for the line that reports it: "Ctrl-C" or "SIGTERM". */
    static String cause() {
        Signals.Received signal = first;
        return signal == null || signal.name().equals("INT") ? "Ctrl-C" : "SIG" + signal.name();
    }

    /** Asks the running training to stop as a Ctrl-C would: it ends at its next step, keeping what it earned. */
    public static void request() {
        firstNanos = System.nanoTime();
        first = new Signals.Received("INT", CTRL_C_EXIT - 128);
    }

    /** Forgets a stop request, so that a next run in the same JVM trains. */
    public static void reset() {
        first = null;
    }
}
