package org.mnistmlp.train;

import ai.djl.training.util.ProgressBar;
import java.nio.file.Path;
import org.mnistmlp.datasets.DatasetName;
import org.mnistmlp.datasets.MnistData;
import org.mnistmlp.datasets.MnistLoader;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/** Where the images come from: DJL's repository (default), a mirror of it, or a local folder. */
final class DataOptions {
    @Option(names = "--dataset", defaultValue = "mnist", converter = DatasetConverter.class, paramLabel = "NAME",
            description = "mnist or fashion-mnist (default: ${DEFAULT-VALUE})")
    DatasetName dataset;

    @Option(names = "--data", paramLabel = "DIR",
            description = "read the four IDX files (raw or .gz) from this folder instead of downloading")
    Path folder;

    @Option(names = "--mirror", paramLabel = "URL",
            description = "download from this DJL dataset repository instead of DJL's own")
    String mirror;

    /** Loads both splits of the chosen data set, showing DJL's progress bar while downloading. */
    MnistData load() {
        return load(dataset);
    }

    /** Loads both splits of {@code name} from where these options say (for a model that knows its data set). */
    MnistData load(DatasetName name) {
        if (folder != null) {
            return MnistLoader.fromFolder(name, folder);
        }
        return MnistLoader.fromRepository(name, mirror, Terminal.isInteractive() ? new ProgressBar() : null);
    }

    static final class DatasetConverter implements ITypeConverter<DatasetName> {
        @Override
        public DatasetName convert(String value) {
            return DatasetName.fromName(value);
        }
    }
}
