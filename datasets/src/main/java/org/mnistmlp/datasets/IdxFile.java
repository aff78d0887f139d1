package org.mnistmlp.datasets;

/** The four files of an MNIST-style data set: standard IDX file names and DJL's artifact keys. */
enum IdxFile {
    TRAIN_IMAGES("train-images-idx3-ubyte", "train_data"),
    TRAIN_LABELS("train-labels-idx1-ubyte", "train_labels"),
    TEST_IMAGES("t10k-images-idx3-ubyte", "test_data"),
    TEST_LABELS("t10k-labels-idx1-ubyte", "test_labels");

    private final String fileName;
    private final String djlKey;

    IdxFile(String fileName, String djlKey) {
        this.fileName = fileName;
        this.djlKey = djlKey;
    }

    /** @return the standard file name without {@code .gz} */
    String fileName() {
        return fileName;
    }

    /** @return the key of this file in a DJL artifact's {@code files} map */
    String djlKey() {
        return djlKey;
    }
}
