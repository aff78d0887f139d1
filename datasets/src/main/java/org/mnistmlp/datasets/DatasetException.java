package org.mnistmlp.datasets;

/**
 * A data set could not be loaded: a file is missing, malformed or corrupt, or the repository
 * cannot be reached. The message is a single line that names the file (or repository) and says
 * what is wrong, so that it can be shown to a user as it is.
 */
public final class DatasetException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message that is folded onto one line.
     *
     * @param message what went wrong, naming the file or repository
     */
    public DatasetException(String message) {
        super(oneLine(message));
    }

    /**
     * Creates an exception with a message that is folded onto one line, keeping its cause.
     *
     * @param message what went wrong, naming the file or repository
     * @param cause the underlying failure
     */
    public DatasetException(String message, Throwable cause) {
        super(oneLine(message), cause);
    }

    private static String oneLine(String message) {
        return message.replaceAll("\\s*\\R\\s*", " ");
    }
}
