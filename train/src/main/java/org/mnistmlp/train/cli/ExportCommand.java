package org.mnistmlp.train.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mnistmlp.nn.Safetensors;
import org.mnistmlp.onnx.OnnxExport;
import org.mnistmlp.train.TrainedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Writes a trained model in a format other tools read. */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Writes a trained model for other tools. safetensors: the state_dict of the equivalent PyTorch "
                + "nn.Sequential (weights [out, in], float32), with the architecture, data set and normalisation in __metadata__. "
                + "onnx: an opset-13 graph taking raw [0, 1] pixels (the normalisation folded into the first layer) and giving logits.")
final class ExportCommand implements Callable<Integer> {
    /** The formats export writes, with the file-name extension each is known by. */
    enum Format {
        SAFETENSORS(".safetensors"), ONNX(".onnx");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        /** The name the user types, e.g. {@code onnx}. */
        String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "a model.bin written by training")
    Path modelFile;

    @Option(names = "--format", required = true, paramLabel = "NAME", description = "safetensors or onnx")
    Format format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "the file to write (replaced atomically); "
            + "a name ending in .safetensors or .onnx must be that of --format")
    Path out;

    @ParentCommand TrainCommand parent;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
        for (Format other : Format.values()) {
            new Validation(spec).require(other == format || !name.endsWith(other.extension),
                    "--out " + out + " is named for " + other.id() + ", but --format is " + format.id());
        }
        PrintStream stdout = parent.stdout();
        TrainedModel trained = TrainedModel.load(modelFile);
        switch (format) {
            case SAFETENSORS -> Safetensors.save(trained.model(), trained.metadata(), out);
            case ONNX -> OnnxExport.write(trained.model(), trained.normalization().mean(), trained.normalization().std(),
                    trained.metadata(), out);
        }
        stdout.printf("wrote %s (%s, %s, %s)%n", out, format.id(), trained.architecture(),
                trained.dataset().id());
        return 0;
    }
}
