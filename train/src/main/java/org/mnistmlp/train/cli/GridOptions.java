package org.mnistmlp.train.cli;

import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Gives a command every option of {@link RunOptions}, each taking alternatives: the values are kept as
 * the strings given, one per occurrence, and {@link Grid} makes the runs of them. Names, labels and
 * descriptions (with their defaults) are those of the training options.
 */
final class GridOptions implements IModelTransformer {
    @Override
    public CommandSpec transform(CommandSpec command) {
        for (OptionSpec option : RunOptions.spec().options()) {
            boolean flag = option.arity().max() == 0;
            OptionSpec.Builder grid = OptionSpec.builder(option.names())
                    .type(List.class).auxiliaryTypes(String.class)
                    .arity(flag ? "0..1" : "1")
                    .paramLabel(flag ? "true|false" : label(option))
                    .description(describe(option));
            if (flag) {
                grid.fallbackValue("true");
            }
            command.addOption(grid.build());
        }
        return command;
    }

    /** {@code RATE[,...]} for alternatives in one value; {@code N[,N...]} for a list value, one per occurrence. */
    private static String label(OptionSpec option) {
        String one = option.paramLabel();
        return option.splitRegex().isEmpty() ? one + "[,...]" : one + "[," + one + "...]";
    }

    /**
     * The option's description, its default written in (the grid option itself has none). Picocli hands
     * the text out formatted ({@code %%} already {@code %}), so a percent sign is escaped again.
     */
    private static String[] describe(OptionSpec option) {
        String defaultValue = String.valueOf(option.defaultValueString());
        return Arrays.stream(option.description())
                .map(line -> line.replace("${DEFAULT-VALUE}", defaultValue).replace("%", "%%"))
                .toArray(String[]::new);
    }
}
