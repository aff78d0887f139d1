package org.mnistmlp.datasets;

/**
 * A loaded data set.
 *
 * @param name which data set this is
 * @param train the training split (60,000 images for MNIST)
 * @param test the test split (10,000 images for MNIST)
 * @param source where it was read from, for people: e.g. {@code local folder /data/mnist} or
 *     {@code DJL repository https://mlrepo.djl.ai/ (cached at ...)}
 */
public record MnistData(DatasetName name, ImageSet train, ImageSet test, String source) {}
