package org.mnistmlp.datasets;

import java.util.Arrays;

/**
 * A training split divided into the images trained on and a held-out validation set, as Keras's
 * {@code validation_split} does, except that the images are shuffled first: the validation set is the
 * last {@code n} images of one fixed shuffled order. The order does not depend on the training seed, so
 * runs with different seeds (and runs compared with each other) hold out the same images.
 *
 * @param train the images to train on, in their original order
 * @param validation the held-out images, never trained on
 */
public record ValidationSplit(ImageSet train, ImageSet validation) {
    /** The seed of the one shuffle that decides which images are held out. */
    static final long SHUFFLE_SEED = 20_260_101L;

    /**
     * Holds out {@code n} images of {@code all}.
     *
     * @param n how many images to hold out: at least 1 and fewer than {@code all.size()}
     * @throws IllegalArgumentException naming both sizes if {@code n} is out of range
     */
    public static ValidationSplit of(ImageSet all, int n) {
        if (n < 1 || n >= all.size()) {
            throw new IllegalArgumentException("a validation split of " + n + " images needs between 1 and "
                    + (all.size() - 1) + " of the " + all.size() + " training images");
        }
        int[] order = all.shuffledOrder(SHUFFLE_SEED, 0);
        int kept = all.size() - n;
        int[] train = Arrays.copyOf(order, kept);
        Arrays.sort(train);
        return new ValidationSplit(all.select(train), all.select(Arrays.copyOfRange(order, kept, order.length)));
    }
}
