package org.mnistmlp.train;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** {@code -h/--help} and {@code -V/--version} on every command, with the program's one version text. */
final class StandardOptions {
    private StandardOptions() {}

    static void addToEverySubcommand(CommandLine cli) {
        for (CommandLine sub : cli.getSubcommands().values()) {
            CommandSpec spec = sub.getCommandSpec();
            if (!spec.helpCommand()) {
                spec.mixinStandardHelpOptions(true);
                spec.versionProvider(new Version());
            }
            addToEverySubcommand(sub);
        }
    }
}
