package org.mnistmlp.train.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.mnistmlp.nn.ModelFile;
import org.mnistmlp.nn.ModelFileException;
import org.mnistmlp.train.Checkpoint;
import org.mnistmlp.train.RunFiles;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * {@code --resume RUN_DIR}: a run continued after its last completed epoch. The settings, the
 * architecture among them, are those the run was started with, as its checkpoint records them; only
 * {@link #OVERRIDABLE} options may be given again. The model comes from {@code model.bin}, the
 * optimizer's state from {@code checkpoint.bin}, the record so far from {@code metrics.json}; the
 * schedule and the data order follow from the step and epoch numbers. Whatever does not fit is a usage
 * error naming the folder.
 */
final class Resumption {
    /** Options a resumed run may set anew: how long, where the data is, on how many threads, and the window. */
    static final Set<String> OVERRIDABLE = Set.of("--epochs", "--threads", "--data", "--mirror", "--show");
    /** Options that are not part of a run's recorded settings. */
    private static final Set<String> NOT_RECORDED = Set.of("--out", "--epochs", "--resume", "--show");

    private final CommandSpec spec;
    private final Path dir;
    private final Checkpoint checkpoint;
    private final List<String> options;
    private final TrainCommand command;

    private Resumption(CommandSpec spec, Path dir, Checkpoint checkpoint, List<String> options, TrainCommand command) {
        this.spec = spec;
        this.dir = dir;
        this.checkpoint = checkpoint;
        this.options = options;
        this.command = command;
    }

    /** The options of a parsed command line worth recording for a resume, each as {@code --name=value} or {@code --flag}. */
    static List<String> recordedOptions(ParseResult parsed) {
        List<String> recorded = new ArrayList<>();
        // an option given twice is listed twice, each time with all its values
        for (OptionSpec o : new LinkedHashSet<>(parsed.matchedOptions())) {
            if (NOT_RECORDED.contains(o.longestName())) {
                continue;
            }
            if (o.arity().max() == 0) {
                recorded.add(o.longestName());
                continue;
            }
            for (String value : o.originalStringValues()) {
                // a folder is recorded absolute, so that a resume from elsewhere finds it
                String kept = o.type() == Path.class ? Path.of(value).toAbsolutePath().normalize().toString() : value;
                recorded.add(o.longestName() + "=" + kept);
            }
        }
        return recorded;
    }

    /**
     * Reads {@code dir}'s checkpoint and rebuilds the command the run was started with, the options of
     * {@code spec}'s command line that may change applied on top.
     *
     * @throws ParameterException if the folder holds no run that can be resumed, or other options were given
     */
    static Resumption prepare(CommandSpec spec, Path dir, PrintStream stdout) {
        ParseResult given = spec.commandLine().getParseResult();
        for (OptionSpec o : given.matchedOptions()) {
            if (!OVERRIDABLE.contains(o.longestName()) && !o.longestName().equals("--resume")) {
                throw new ParameterException(spec.commandLine(), o.longestName() + " cannot be given with --resume: a resumed run "
                        + "keeps its recorded settings; only --epochs, --threads, --data, --mirror and --show may change");
            }
        }
        Checkpoint checkpoint = readCheckpoint(spec, dir);
        List<String> options = new ArrayList<>(checkpoint.options());
        List<String> overrides = recordedOptions(given);
        for (String override : overrides) {
            String name = override.split("=", 2)[0];
            boolean source = name.equals("--data") || name.equals("--mirror");   // a new source replaces either
            options.removeIf(o -> o.startsWith(name + "=") || source && (o.startsWith("--data=") || o.startsWith("--mirror=")));
        }
        options.addAll(overrides);
        int epochs = given.hasMatchedOption("--epochs") ? given.matchedOptionValue("--epochs", 0) : checkpoint.plannedEpochs();
        if (epochs <= checkpoint.completedEpochs()) {
            throw new ParameterException(spec.commandLine(), "--resume: the run in " + dir + " has completed " + checkpoint.completedEpochs()
                    + " epochs; give --epochs above that to train further");
        }
        if (options.stream().anyMatch(o -> o.startsWith("--validation=") && !o.equals("--validation=0"))) {
            // the best epoch's weights live in memory only, so a resumed run could not keep the true best
            throw new ParameterException(spec.commandLine(), "--resume: the run in " + dir + " holds out a validation split, "
                    + "whose best epoch cannot be resumed; train it again, or without --validation to resume");
        }
        List<String> args = new ArrayList<>(options);
        args.add("--epochs=" + epochs);
        if (given.hasMatchedOption("--show")) {
            args.add("--show");
        }
        args.add("--out=" + dir);
        args.add("--overwrite");   // the run's own folder: its files are the ones to continue
        TrainCommand command = new TrainCommand(stdout);
        CommandLine restored = new CommandLine(command).setOverwrittenOptionsAllowed(true);
        LowerCaseEnumConverter.registerForEveryEnumOption(restored);
        try {
            restored.parseArgs(args.toArray(String[]::new));
            Validation.check(command.spec, command.model, command.training);
        } catch (ParameterException e) {
            throw new ParameterException(spec.commandLine(), "--resume: the settings recorded in " + dir.resolve(Checkpoint.FILE)
                    + " do not apply: " + e.getMessage());
        }
        return new Resumption(spec, dir, checkpoint, options, command);
    }

    private static Checkpoint readCheckpoint(CommandSpec spec, Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new ParameterException(spec.commandLine(), "--resume: no run folder " + dir);
        }
        try {
            return Checkpoint.read(dir);
        } catch (NoSuchFileException e) {
            throw new ParameterException(spec.commandLine(), "--resume: " + dir + " holds no " + Checkpoint.FILE
                    + ": the run completed no epoch, or is not a training run");
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "--resume: cannot read " + dir.resolve(Checkpoint.FILE) + ": " + e.getMessage());
        }
    }

    /** The command the run was started with, its changeable options as given now. */
    TrainCommand command() {
        return command;
    }

    /** The options to record in the resumed run's own checkpoints. */
    List<String> options() {
        return options;
    }

    int completedEpochs() {
        return checkpoint.completedEpochs();
    }

    /**
     * Puts {@code run} where the run stopped: the model from {@code model.bin}, the optimizer's state,
     * and the record of the completed epochs.
     *
     * @throws ParameterException if a file is missing or does not fit the recorded settings
     */
    void restore(Experiment run) {
        Path model = dir.resolve(RunFiles.MODEL);
        try {
            ModelFile.load(run.model(), model);
        } catch (ModelFileException e) {
            throw fail(model + " does not fit the run's recorded architecture: " + e.getMessage());
        }
        if (Checkpoint.checksum(run.model()) != checkpoint.modelChecksum()) {
            throw fail(model + " is not the model of epoch " + checkpoint.completedEpochs() + " that " + Checkpoint.FILE + " records");
        }
        try {
            run.optimizer().loadStateDict(checkpoint.optimizer());
            run.recorder().restore(readMetrics(), checkpoint.completedEpochs(), run.stepsPerEpoch());
        } catch (IllegalArgumentException e) {
            throw fail(e.getMessage());
        }
        run.resumeAfter(checkpoint.completedEpochs());
    }

    private JsonObject readMetrics() {
        Path metrics = dir.resolve(RunFiles.METRICS);
        try {
            return JsonParser.parseString(Files.readString(metrics)).getAsJsonObject();
        } catch (IOException | JsonParseException | IllegalStateException e) {
            throw fail("cannot read " + metrics + ": " + e.getMessage());
        }
    }

    private ParameterException fail(String message) {
        return new ParameterException(spec.commandLine(), "--resume: " + message);
    }
}
