package org.mnistmlp.train.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Options written before a subcommand, as in {@code java -jar train.jar --epochs 1 compare}: they
 * apply to the subcommand, as if written after its name, when it has them; otherwise they are
 * refused in one line. Without this, picocli would give them to the main command, which does not
 * run, and the subcommand would silently use its defaults. Done here rather than with picocli's
 * inherited options so that every subcommand keeps its own option classes and defaults, and a new
 * subcommand needs nothing to get the same behaviour.
 */
final class LeadingOptions {
    private LeadingOptions() {}

    /**
     * Returns {@code args} with the options before the subcommand's name moved after it, or
     * {@code args} unchanged when there is no subcommand or nothing before it.
     *
     * @throws ParameterException if an option before the subcommand is not one of its options
     */
    static String[] moveAfterSubcommand(CommandLine cli, String[] args) {
        Map<String, CommandLine> subcommands = cli.getSubcommands();
        for (int i = 1; i < args.length && !"--".equals(args[i - 1]); i++) {
            CommandLine sub = subcommands.get(args[i]);
            if (sub == null) {
                continue;
            }
            String[] leading = Arrays.copyOfRange(args, 0, i);
            ParseResult parsed;
            try {
                parsed = cli.parseArgs(leading);
            } catch (ParameterException e) {
                continue;   // the name is the value of an option, not the subcommand
            }
            if (parsed.hasSubcommand()) {
                return args;   // the name is an argument of an earlier subcommand, as in "help compare"
            }
            requireKnownTo(sub, parsed.matchedOptions());
            List<String> moved = new ArrayList<>(List.of(args[i]));
            moved.addAll(List.of(leading));
            moved.addAll(List.of(args).subList(i + 1, args.length));
            return moved.toArray(String[]::new);
        }
        return args;
    }

    private static void requireKnownTo(CommandLine sub, List<OptionSpec> options) {
        for (OptionSpec option : options) {
            if (sub.getCommandSpec().findOption(option.longestName()) == null) {
                throw new ParameterException(sub, option.longestName() + " does not apply to "
                        + sub.getCommandName() + " (options before a subcommand are given to it)");
            }
        }
    }
}
