package org.mnistmlp.plots;

/**
 * A wrongly classified image, for the mistakes gallery.
 *
 * @param pixels the image's grey levels, 0 (background) to 255 (ink), row by row
 * @param trueClass the name of its true class
 * @param predictedClass the name of the class the model predicted
 * @param probability the probability the model gave that prediction, 0..1
 */
public record Mistake(int[] pixels, String trueClass, String predictedClass, double probability) {}
