package org.mnistmlp.train.cli;

import org.mnistmlp.autograd.Kernels;
import picocli.CommandLine;
import picocli.CommandLine.IVersionProvider;
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

    /** The version from the jar's manifest, with the JVM it runs on and the kernels it would use. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"mnist-mlp " + (v != null ? v : "(development build)"),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")",
                "kernels: " + Kernels.current().description()};
        }
    }
}
