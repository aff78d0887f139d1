package org.mnistmlp.train;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mnistmlp.nn.Safetensors;
import org.mnistmlp.onnx.OnnxExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Writes a trained model in a format other tools read. */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Writes a trained model for other tools. safetensors: the state_dict of the equivalent PyTorch "
                + "nn.Sequential (weights [out, in], float32), with the architecture, data set and normalisation in __metadata__. "
                + "onnx: an opset-13 graph taking raw [0, 1] pixels (the normalisation folded into the first layer) and giving logits.")
final class ExportCommand implements Callable<Integer> {
    /** The formats export writes. */
    enum Format { SAFETENSORS, ONNX }

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "a model.bin written by training")
    Path modelFile;

    @Option(names = "--format", required = true, paramLabel = "NAME", description = "safetensors or onnx")
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
            case ONNX -> OnnxExport.write(trained.model(), trained.normalization().mean(), trained.normalization().std(),
                    trained.metadata(), out);
        }
        stdout.printf("wrote %s (%s, %s, %s)%n", out, format.name().toLowerCase(java.util.Locale.ROOT), trained.architecture(),
                trained.dataset().id());
        return 0;
    }
}
