package org.mnistmlp.datasets;

import ai.djl.Application;
import ai.djl.basicdataset.BasicDatasets;
import ai.djl.repository.Artifact;
import ai.djl.repository.MRL;
import ai.djl.repository.Repository;
import ai.djl.util.Progress;
import ai.djl.util.Utils;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves, downloads and caches a data set's IDX files through DJL's repository API alone: no
 * DJL dataset class and no engine. DJL checks each download's SHA-1 and keeps nothing of an
 * artifact that fails.
 */
final class RepositoryFetcher {

    private static final String VERSION = "1.0";

    /**
     * DJL refuses to download from loopback and private addresses unless this property is true,
     * and reads it at every request. A mirror is an address the caller named, which is often on its
     * own network, so it is allowed for the duration of that fetch only.
     */
    private static final String ALLOW_PRIVATE_ADDRESSES = "ai.djl.allow_insecure_url";

    /**
     * The cached files of a data set.
     *
     * @param files where each of the four files lies in DJL's cache
     * @param source the repository and cache folder, for people
     */
    record Fetched(Map<IdxFile, Path> files, String source) {}

    private RepositoryFetcher() {}

    static Fetched fetch(DatasetName name, String mirrorUrl, Progress progress) {
        Repository repository = mirrorUrl == null ? BasicDatasets.REPOSITORY : mirror(mirrorUrl);
        String where = "DJL repository " + repository.getBaseUri();
        MRL mrl = repository.dataset(
                Application.CV.ANY, BasicDatasets.GROUP_ID, name.djlArtifactId(), VERSION);
        try {
            Reachability.check(repository.getBaseUri().resolve(mrl.toURI().getPath() + "/metadata.json"), where);
        } catch (DatasetException offline) {
            return fromCache(mrl).orElseThrow(() -> offline);
        }
        String allowedBefore = mirrorUrl == null ? null : allowAddressesOnItsOwnNetwork();
        try {
            Artifact artifact = mrl.getDefaultArtifact();
            if (artifact == null) {
                throw new DatasetException(where + ": has no version " + VERSION + " of " + name.id());
            }
            mrl.prepare(artifact, progress);
            Map<IdxFile, Path> files = new EnumMap<>(IdxFile.class);
            for (IdxFile file : IdxFile.values()) {
                Artifact.Item item = artifact.getFiles().get(file.djlKey());
                if (item == null) {
                    throw new DatasetException(where + ": the metadata of " + name.id()
                            + " lists no '" + file.djlKey() + "' file");
                }
                files.put(file, repository.getFile(item, null));
            }
            Path cache = repository.getResourceDirectory(artifact);
            return new Fetched(files, where + " (cached at " + cache + ")");
        } catch (IOException e) {
            throw new DatasetException(where + ": fetching " + name.id() + " " + VERSION
                    + " failed: " + e.getMessage(), e);
        } finally {
            if (mirrorUrl != null) {
                restore(allowedBefore);
            }
        }
    }

    private static String allowAddressesOnItsOwnNetwork() {
        String before = System.getProperty(ALLOW_PRIVATE_ADDRESSES);
        System.setProperty(ALLOW_PRIVATE_ADDRESSES, "true");
        return before;
    }

    private static void restore(String before) {
        if (before == null) {
            System.clearProperty(ALLOW_PRIVATE_ADDRESSES);
        } else {
            System.setProperty(ALLOW_PRIVATE_ADDRESSES, before);
        }
    }

    /**
     * The files an earlier download left in DJL's cache, so that a machine that fetched the data
     * once keeps working offline. They passed their SHA-1 check when they were downloaded, and they
     * are validated again as they are read.
     */
    private static Optional<Fetched> fromCache(MRL mrl) {
        Path dir = Utils.getCacheDir().resolve("cache").resolve("repo")
                .resolve(mrl.toURI().getPath().replaceFirst("^/", "")).resolve(VERSION);
        Map<IdxFile, Path> files = new EnumMap<>(IdxFile.class);
        for (IdxFile file : IdxFile.values()) {
            Path cached = dir.resolve(file.fileName());
            if (!Files.isRegularFile(cached)) {
                return Optional.empty();
            }
            files.put(file, cached);
        }
        return Optional.of(new Fetched(files, "DJL cache " + dir + " (repository not reachable)"));
    }

    private static Repository mirror(String url) {
        URI uri;
        try {
            uri = new URI(url.endsWith("/") ? url : url + "/");
        } catch (URISyntaxException e) {
            throw new DatasetException(url + ": not a valid mirror URL (" + e.getMessage() + ")", e);
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new DatasetException(url + ": a mirror URL must start with http:// or https://");
        }
        return new MirrorRepository(uri);
    }
}
