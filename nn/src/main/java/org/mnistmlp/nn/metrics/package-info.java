/**
 * Classification metrics from a model's outputs: the predicted class of each row ({@link
 * org.mnistmlp.nn.metrics.Metrics#argmax}), accuracy, the most probable classes, the most
 * confident mistakes, and a {@link org.mnistmlp.nn.metrics.ConfusionMatrix} with per-class
 * precision, recall and F1.
 */
package org.mnistmlp.nn.metrics;
