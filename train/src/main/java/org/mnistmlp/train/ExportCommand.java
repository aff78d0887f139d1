package org.mnistmlp.train;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mnistmlp.nn.Safetensors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Writes a trained model in a format other tools read. */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Writes a trained model for other tools. safetensors: the state_dict of the equivalent PyTorch "
                + "nn.Sequential (weights [out, in], float32), with the architecture, data set and normalisation in __metadata__.")
final class ExportCommand implements Callable<Integer> {
    /** The formats export writes. */
    enum Format { SAFETENSORS }

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "a model.bin written by training")
    Path modelFile;

    @Option(names = "--format", required = true, paramLabel = "NAME", description = "safetensors")
    Format format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "the file to write (replaced atomically)")
    Path out;

    @ParentCommand TrainCommand parent;

    @Override
    public Integer call() {
        PrintStream stdout = parent.stdout();
        TrainedModel trained = TrainedModel.load(modelFile);
        switch (format) {
            case SAFETENSORS -> Safetensors.save(trained.model(), trained.metadata(), out);
        }
        stdout.printf("wrote %s (%s, %s, %s)%n", out, format.name().toLowerCase(java.util.Locale.ROOT), trained.architecture(),
                trained.dataset().id());
        return 0;
    }
}
