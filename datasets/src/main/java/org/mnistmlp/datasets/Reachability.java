package org.mnistmlp.datasets;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;

/**
 * Checks within seconds that a repository answers, before DJL's downloader (whose HTTP
 * timeouts are long) is asked to fetch from it.
 */
final class Reachability {

    /** Tells a user how to go on without the network. */
    static final String OFFLINE_HINT = "to work offline, pass a folder holding the four IDX files"
            + " with --data DIR, or a mirror of DJL's repository with --mirror URL";
    private static final int CONNECT_TIMEOUT_MS = 3_000;
    private static final int READ_TIMEOUT_MS = 10_000;
    private static final int FIRST_HTTP_ERROR = 400;

    private Reachability() {}

    /**
     * @param metadata the URL of the data set's {@code metadata.json} in the repository
     * @param repository the repository, as named in error messages
     * @throws DatasetException if it cannot be reached or does not have the file
     */
    static void check(URI metadata, String repository) {
        int status;
        try {
            HttpURLConnection connection = (HttpURLConnection) metadata.toURL().openConnection();
            connection.setConnectTimeout(CONNECT_TIMEOUT_MS);
            connection.setReadTimeout(READ_TIMEOUT_MS);
            status = connection.getResponseCode();
            connection.disconnect();
        } catch (IOException | ClassCastException e) {
            throw new DatasetException("cannot reach " + repository + " (" + e + "); " + OFFLINE_HINT, e);
        }
        if (status >= FIRST_HTTP_ERROR) {
            throw new DatasetException(repository + ": " + metadata + " answered HTTP " + status
                    + ", so the data set is not there; " + OFFLINE_HINT);
        }
    }
}
