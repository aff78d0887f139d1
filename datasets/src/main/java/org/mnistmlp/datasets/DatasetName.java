package org.mnistmlp.datasets;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The data sets this module can load: both are 28×28 grey-scale images in ten classes. */
public enum DatasetName {
    /** Handwritten digits, from Yann LeCun, Corinna Cortes and Christopher J. C. Burges. */
    MNIST("mnist", "mnist", 0.1307f, 0.3081f, List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9")),
    /** Zalando's clothing images, a drop-in replacement for MNIST. */
    FASHION_MNIST("fashion-mnist", "fashmnist", 0.2860f, 0.3530f, List.of("T-shirt/top", "Trouser", "Pullover",
            "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"));

    private static final int SIDE = 28;

    private final String id;
    private final String djlArtifactId;
    private final float mean;
    private final float std;
    private final List<String> classNames;

    DatasetName(String id, String djlArtifactId, float mean, float std, List<String> classNames) {
        this.id = id;
        this.djlArtifactId = djlArtifactId;
        this.mean = mean;
        this.std = std;
        this.classNames = classNames;
    }

    /**
     * Looks a data set up by its name, ignoring case: {@code mnist} or {@code fashion-mnist}
     * (the enum constant names are accepted too).
     *
     * @param name the name a user typed
     * @return the data set
     * @throws IllegalArgumentException naming the valid choices when there is no such data set
     */
    public static DatasetName fromName(String name) {
        for (DatasetName candidate : values()) {
            if (candidate.id.equalsIgnoreCase(name) || candidate.name().equalsIgnoreCase(name)) {
                return candidate;
            }
        }
        String valid = Arrays.stream(values()).map(DatasetName::id).collect(Collectors.joining(", "));
        throw new IllegalArgumentException(
                "unknown data set '" + name + "'; expected one of: " + valid);
    }

    /** @return the user-facing name, e.g. {@code fashion-mnist} */
    public String id() {
        return id;
    }

    /** @return the height of every image in pixels */
    public int rows() {
        return SIDE;
    }

    /** @return the width of every image in pixels */
    public int cols() {
        return SIDE;
    }

    /** @return {@code rows() * cols()}, a model's inputs */
    public int pixelsPerImage() {
        return rows() * cols();
    }

    /** @return the number of classes; labels lie in {@code 0..classes()-1} */
    public int classes() {
        return classNames.size();
    }

    /**
     * @return the name of each class, indexed by label: the digits {@code "0"}..{@code "9"} for MNIST,
     *     the garment names (e.g. {@code "T-shirt/top"}, {@code "Ankle boot"}) for Fashion-MNIST
     */
    public List<String> classNames() {
        return classNames;
    }

    String djlArtifactId() {
        return djlArtifactId;
    }

    float mean() {
        return mean;
    }

    float std() {
        return std;
    }
}
