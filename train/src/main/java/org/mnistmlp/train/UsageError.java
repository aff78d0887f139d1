package org.mnistmlp.train;

/**
 * Options that parse but cannot work together with what the program found, such as a batch larger
 * than the training set: reported like any bad option, in one line with exit code 2.
 */
final class UsageError extends RuntimeException {
    UsageError(String message) {
        super(message);
    }
}
