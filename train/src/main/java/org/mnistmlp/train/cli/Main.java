package org.mnistmlp.train.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine;

/** Entry point of {@code train.jar}. */
public final class Main {
    private Main() {}

    /**
     * Runs the program, relaunching the JVM with the Vector API module when needed, and exits with
     * the program's exit code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        Optional<Integer> relaunched = VectorLauncher.relaunchIfNeeded(args);
        System.exit(relaunched.orElseGet(() -> run(args, System.out, System.err)));
    }

    /**
     * Runs the program in this JVM and returns its exit code: 0 done, 1 an error (told in one line),
     * 2 a usage error, 3 training diverged, 128 + the signal's number when stopped by a signal.
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cli = commandLine(out, err);
        try {
            return cli.execute(LeadingOptions.moveAfterSubcommand(cli, args));
        } catch (CommandLine.ParameterException e) {
            return ErrorReport.usageError(e, args);
        }
    }

    /**
     * The program's commands with the behaviour every command shares, so that a new subcommand gets
     * it by being listed in {@link TrainCommand}: {@code --help} and {@code --version}, the
     * {@code help} command, lower-case enum values, and errors told in one line.
     */
    static CommandLine commandLine(PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(new TrainCommand(out))
                .addSubcommand(new CommandLine.HelpCommand())
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true));
        StandardOptions.addToEverySubcommand(cli);
        LowerCaseEnumConverter.registerForEveryEnumOption(cli);
        return cli.setParameterExceptionHandler(ErrorReport::usageError)
                .setExecutionExceptionHandler(ErrorReport::executionError);
    }
}
