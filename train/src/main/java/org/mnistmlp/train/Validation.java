package org.mnistmlp.train;

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
}
