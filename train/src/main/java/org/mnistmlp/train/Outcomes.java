package org.mnistmlp.train;

import java.io.PrintStream;

/** Runs training and turns how it ended into the program's exit code and one line of explanation. */
final class Outcomes {
    static final int DIVERGED = 3;

    private Outcomes() {}

    static int exitCode(PrintStream out, Runnable training, Runnable onSuccess) {
        try {
            training.run();
        } catch (TrainingStopped stopped) {
            out.println(stopped.getMessage());
            return stopped.outcome().status() == Outcome.Status.INTERRUPTED ? Interrupts.exitCode() : DIVERGED;
        }
        onSuccess.run();
        return 0;
    }
}
