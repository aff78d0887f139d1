package org.mnistmlp.train.cli;

import ai.djl.training.util.ProgressBar;
import java.nio.file.Path;
import org.mnistmlp.datasets.DatasetName;
import org.mnistmlp.datasets.MnistData;
import org.mnistmlp.datasets.MnistLoader;
import picocli.CommandLine.Option;

/** Where the images come from: DJL's repository (default), a mirror of it, or a local folder. */
final class DataOptions {
    @Option(names = "--dataset", defaultValue = "mnist", paramLabel = "NAME",
            description = "mnist or fashion-mnist (default: ${DEFAULT-VALUE})")
    DatasetName dataset;

    @Option(names = "--data", paramLabel = "DIR",
            description = "read the four IDX files (raw or .gz) from this folder instead of downloading")
    Path folder;

    @Option(names = "--mirror", paramLabel = "URL",
            description = "download from this DJL dataset repository instead of DJL's own")
    String mirror;

    /** Loads both splits of {@code --dataset}, showing DJL's progress bar while downloading. */
    MnistData load() {
        return load(dataset);
    }

    /** Loads both splits of {@code name} from where the options say. */
    MnistData load(DatasetName name) {
        if (folder != null) {
            return MnistLoader.fromFolder(name, folder);
        }
        return MnistLoader.fromRepository(name, mirror, Terminal.isInteractive() ? new ProgressBar() : null);
    }
}
