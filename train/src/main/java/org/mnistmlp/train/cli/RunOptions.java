package org.mnistmlp.train.cli;

import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Every option that shapes one training run: the model's and the training's. {@code compare} lets each
 * of them take alternatives and parses every combination back through this class, so an option added to
 * {@link ModelOptions}, {@link ModelOptions.ActivationOption} or {@link TrainingOptions} joins the grid
 * with no code in {@code compare}.
 */
final class RunOptions {
    @Mixin ModelOptions model;
    @Mixin ModelOptions.ActivationOption activation;
    @Mixin TrainingOptions training;

    /** The options as picocli describes them: names, types, labels, descriptions and defaults. */
    static CommandSpec spec() {
        return CommandSpec.forAnnotatedObject(new RunOptions());
    }

    /**
     * Parses one run's arguments and checks them as {@code train} does.
     *
     * @param command the command whose usage a bad value is reported against
     * @throws ParameterException for a value that does not parse or does not pass the checks
     */
    static RunOptions parse(CommandSpec command, String... args) {
        RunOptions options = new RunOptions();
        CommandLine parser = new CommandLine(options);
        LowerCaseEnumConverter.registerForEveryEnumOption(parser);
        try {
            parser.parseArgs(args);
            Validation.check(parser.getCommandSpec(), options.model, options.training);   // sees this run's options
        } catch (ParameterException e) {
            throw new ParameterException(command.commandLine(), e.getMessage(), e);
        }
        return options;
    }
}
