package org.mnistmlp.train.cli;

import java.io.PrintStream;
import java.util.List;
import org.mnistmlp.train.Interrupts;
import org.mnistmlp.train.Outcome;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * How the program tells a user what went wrong: one line in the user's terms (option names and
 * lower-case values, no Java class or exception names), and for bad options a second line pointing
 * to the command's {@code --help} instead of the whole help, which would push the error off the
 * screen.
 */
final class ErrorReport {
    /** The exit code of a run whose loss stopped being a finite number. */
    static final int DIVERGED = 3;

    private ErrorReport() {}

    /**
     * Runs training and turns how it ended into the program's exit code: 0 after {@code onSuccess}, else
     * the one line saying why it stopped and the code of an interrupt or {@link #DIVERGED}.
     */
    static int exitCode(PrintStream out, Runnable training, Runnable onSuccess) {
        try {
            training.run();
        } catch (Outcome.TrainingStopped stopped) {
            out.println(stopped.getMessage());
            return stopped.outcome().status() == Outcome.Status.INTERRUPTED ? Interrupts.exitCode() : DIVERGED;
        }
        onSuccess.run();
        return 0;
    }

    /** Reports bad options and returns exit code 2. */
    static int usageError(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        CommandSpec spec = command.getCommandSpec();
        command.getErr().println(usageMessage(e));
        command.getErr().println("see '" + spec.qualifiedName() + " --help' for the options");
        return spec.exitCodeOnInvalidInput();
    }

    /** Reports a failure while running a command and returns exit code 1 (2 for a {@link UsageError}). */
    static int executionError(Exception e, CommandLine command, ParseResult parsed) {
        if (e instanceof UsageError) {
            return usageError(new ParameterException(command, e.getMessage(), e), parsed.originalArgs().toArray(String[]::new));
        }
        command.getErr().println("error: " + oneLine(e));
        return command.getCommandSpec().exitCodeOnExecutionException();
    }

    /**
     * Picocli's message in the user's terms: "--dataset: 'emnist' is not one of mnist, fashion-mnist"
     * rather than "Invalid value for option '--dataset': cannot convert 'emnist' to DatasetName
     * (java.lang.IllegalArgumentException: ...)", and with picocli's suggestion when it has one.
     */
    static String usageMessage(ParameterException e) {
        String message = firstLine(e.getMessage())
                .replaceFirst("^Invalid value for option '([^']+)'( \\([^)]*\\))?: ", "$1: ")
                .replaceAll(" \\((java|picocli)\\.[^)]*\\)", "");
        if (e instanceof UnmatchedArgumentException unmatched) {
            List<String> suggestions = unmatched.getSuggestions();
            if (!suggestions.isEmpty()) {
                message += "; did you mean " + String.join(" or ", suggestions.subList(0, Math.min(3, suggestions.size()))) + "?";
            }
        }
        return message;
    }

    private static String oneLine(Exception e) {
        Throwable t = e;
        while (t.getMessage() == null && t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() != null ? firstLine(t.getMessage()) : "unexpected failure, no details given";
    }

    private static String firstLine(String message) {
        return message.lines().findFirst().orElse(message);
    }

    /**
     * Options that parse but cannot work together with what the program found, such as a batch larger
     * than the training set: reported like any bad option, in one line with exit code 2.
     */
    static final class UsageError extends RuntimeException {
        UsageError(String message) {
            super(message);
        }
    }
}
