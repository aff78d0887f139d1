package org.mnistmlp.train.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Checks option values after parsing; a failed check is a usage error (one line, the usage, exit 2). */
final class Validation {
    private final CommandSpec spec;

    Validation(CommandSpec spec) {
        this.spec = spec;
    }

    /** Checks the options every training command shares. */
    static void check(CommandSpec spec, ModelOptions model, TrainingOptions training) {
        Validation v = new Validation(spec);
        model.validate(v);
        training.validate(v);
    }

    void require(boolean condition, String message) {
        if (!condition) {
            throw new ParameterException(spec.commandLine(), message);
        }
    }

    /** Refuses {@code option} on the command line unless it {@code applies}; {@code where} says what it is for. */
    void requireOnlyWith(String option, boolean applies, String where) {
        require(applies || !spec.commandLine().getParseResult().hasMatchedOption(option), option + " applies to " + where);
    }
}
