package org.mnistmlp.nn;

/** A model file could not be written, read, or does not fit the model; the message is one line. */
public final class ModelFileException extends RuntimeException {

    /** A problem found in the file's contents. */
    public ModelFileException(String message) {
        super(message);
    }

    /** A problem reported by the file system. */
    public ModelFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
