package org.mnistmlp.train;

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

    /** Loads both splits, showing DJL's progress bar while downloading. */
    MnistData load() {
        if (folder != null) {
            return MnistLoader.fromFolder(dataset, folder);
        }
        return MnistLoader.fromRepository(dataset, mirror, Terminal.isInteractive() ? new ProgressBar() : null);
    }
}
