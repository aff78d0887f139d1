package org.mnistmlp.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DJL repository path against small generated mirrors served on 127.0.0.1. */
class MnistLoaderRepositoryTest {

    /** A bound, not a benchmark: without it a hang would stall the build. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(30);

    @TempDir
    Path mirrorRoot;

    @TempDir
    Path cache;

    @BeforeEach
    void isolateCache() {
        System.setProperty("DJL_CACHE_DIR", cache.toString());
    }

    @AfterEach
    void restore() {
        System.clearProperty("DJL_CACHE_DIR");
    }

    @Test
    void fetchesFashionMnistThroughMirrorIntoCache() throws IOException {
        writeMirror("fashmnist", null);
        try (MirrorServer mirror = new MirrorServer(mirrorRoot)) {
            MnistData data = MnistLoader.fromRepository(DatasetName.FASHION_MNIST, mirror.url(), null);
            assertEquals(DatasetName.FASHION_MNIST, data.name());
            assertEquals(20, data.train().size());
            assertEquals(6, data.test().size());
            assertTrue(data.source().startsWith("DJL repository " + mirror.url() + " (cached at " + cache), data.source());
        }
        assertEquals(4, idxFilesIn(cache).size());
        assertNull(System.getProperty("ai.djl.allow_insecure_url"), "the loopback allowance ends with the fetch");
    }

    @Test
    void dataDownloadedOnceStillLoadsWhenTheRepositoryIsGone() throws IOException {
        writeMirror("mnist", null);
        String url;
        try (MirrorServer mirror = new MirrorServer(mirrorRoot)) {
            url = mirror.url();
            MnistLoader.fromRepository(DatasetName.MNIST, url, null);
        }
        MnistData offline = assertTimeoutPreemptively(HANG_GUARD,
                () -> MnistLoader.fromRepository(DatasetName.MNIST, url, null));
        assertEquals(20, offline.train().size());
        assertTrue(offline.source().startsWith("DJL cache " + cache) && offline.source().contains("not reachable"),
                offline.source());
    }

    @Test
    void sha1MismatchNamesTheFileAndKeepsNothing() throws IOException {
        writeMirror("mnist", "train-labels-idx1-ubyte");
        try (MirrorServer mirror = new MirrorServer(mirrorRoot)) {
            DatasetException e = assertThrows(DatasetException.class,
                    () -> MnistLoader.fromRepository(DatasetName.MNIST, mirror.url(), null));
            assertTrue(e.getMessage().contains("train-labels-idx1-ubyte") && e.getMessage().contains("sha1"),
                    e.getMessage());
        }
        assertEquals(List.of(), idxFilesIn(cache), "no downloaded file may stay in the cache");
    }

    @Test
    void closedPortFailsFastWithOfflineHint() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port + "/";
        DatasetException e = assertTimeoutPreemptively(HANG_GUARD, () -> assertThrows(DatasetException.class,
                () -> MnistLoader.fromRepository(DatasetName.MNIST, url, null)));
        assertOfflineHint(e, url);
    }

    @Test
    void unresolvableHostFailsFastWithOfflineHint() {
        DatasetException e = assertTimeoutPreemptively(HANG_GUARD, () -> assertThrows(DatasetException.class,
                () -> MnistLoader.fromRepository(DatasetName.MNIST, "http://mnist.invalid", null)));
        assertOfflineHint(e, "http://mnist.invalid/");
    }

    @Test
    void mirrorWithoutTheDatasetSaysSo() {
        try (MirrorServer mirror = new MirrorServer(mirrorRoot)) {
            DatasetException e = assertThrows(DatasetException.class,
                    () -> MnistLoader.fromRepository(DatasetName.MNIST, mirror.url(), null));
            assertTrue(e.getMessage().contains("answered HTTP 404"), e.getMessage());
        }
    }

    @Test
    void nonHttpMirrorIsRejected() {
        DatasetException e = assertThrows(DatasetException.class,
                () -> MnistLoader.fromRepository(DatasetName.MNIST, "ftp://example.org/x", null));
        assertEquals("ftp://example.org/x: a mirror URL must start with http:// or https://", e.getMessage());
    }

    private static void assertOfflineHint(DatasetException e, String url) {
        String message = e.getMessage();
        assertTrue(message.startsWith("cannot reach DJL repository " + url), message);
        assertTrue(message.contains("--data DIR") && message.contains("--mirror URL"), message);
    }

    /** Writes a DJL-layout mirror of a tiny data set; {@code badSha1File} gets a wrong hash. */
    private void writeMirror(String artifactId, String badSha1File) throws IOException {
        Path dir = mirrorRoot.resolve("dataset/cv/ai/djl/basicdataset/" + artifactId);
        Path version = Files.createDirectories(dir.resolve("1.0"));
        StringBuilder files = new StringBuilder();
        for (IdxFile file : IdxFile.values()) {
            String name = file.fileName() + ".gz";
            Path gz = IdxBytes.write(version.resolve(name), IdxBytes.gzip(content(file)));
            String sha1 = file.fileName().equals(badSha1File) ? "0".repeat(40) : sha1(Files.readAllBytes(gz));
            files.append(files.length() == 0 ? "" : ",").append(String.format(
                    "\"%s\":{\"uri\":\"1.0/%s\",\"sha1Hash\":\"%s\",\"size\":%d}",
                    file.djlKey(), name, sha1, Files.size(gz)));
        }
        String metadata = "{\"metadataVersion\":\"0.2\",\"resourceType\":\"dataset\",\"application\":\"cv\","
                + "\"groupId\":\"ai.djl.basicdataset\",\"artifactId\":\"" + artifactId + "\",\"name\":\"" + artifactId
                + "\",\"artifacts\":[{\"version\":\"1.0\",\"snapshot\":false,\"files\":{" + files + "}}]}";
        Files.writeString(dir.resolve("metadata.json"), metadata, StandardCharsets.UTF_8);
    }

    private static byte[] content(IdxFile file) {
        return switch (file) {
            case TRAIN_IMAGES -> IdxBytes.images(20, 28, 28);
            case TRAIN_LABELS -> IdxBytes.labels(20);
            case TEST_IMAGES -> IdxBytes.images(6, 28, 28);
            case TEST_LABELS -> IdxBytes.labels(6);
        };
    }

    private static String sha1(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static List<Path> idxFilesIn(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().contains("-idx"))
                    .collect(Collectors.toList());
        }
    }
}
