package org.mnistmlp.train;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine;

/** Entry point of {@code train.jar}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        Optional<Integer> relaunched = VectorLauncher.relaunchIfNeeded(args);
        System.exit(relaunched.orElseGet(() -> run(args, System.out, System.err)));
    }

    /**
     * Runs the program in this JVM and returns its exit code: 0 done, 1 an error (told in one line),
     * 2 a usage error, 3 training diverged, 130 interrupted.
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(new TrainCommand(out))
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .setExecutionExceptionHandler((e, commandLine, parseResult) -> {
                    commandLine.getErr().println("error: " + oneLine(e));
                    return 1;
                });
        return cli.execute(args);
    }

    private static String oneLine(Exception e) {
        Throwable t = e;
        while (t.getMessage() == null && t.getCause() != null) {
            t = t.getCause();
        }
        String message = t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
        return message.lines().findFirst().orElse(message);
    }
}
