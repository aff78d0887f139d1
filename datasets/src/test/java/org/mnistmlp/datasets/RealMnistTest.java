package org.mnistmlp.datasets;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loads all of real MNIST, from the shared folder and through DJL from a loopback mirror. */
class RealMnistTest {

    @TempDir
    Path cache;

    @AfterEach
    void forgetCache() {
        System.clearProperty("DJL_CACHE_DIR");
    }

    @Test
    void loadsFromLocalFolderOfGzipFiles() {
        SharedData.assumePresent();
        MnistData data = MnistLoader.fromFolder(DatasetName.MNIST, SharedData.MNIST_FOLDER);
        SharedData.assertRealMnist(data);
        assertTrue(data.source().startsWith("local folder "), data.source());
    }

    @Test
    void downloadsThroughDjlRepositoryFromLoopbackMirror() {
        SharedData.assumePresent();
        System.setProperty("DJL_CACHE_DIR", cache.toString());
        try (MirrorServer mirror = new MirrorServer(SharedData.MIRROR)) {
            MnistData data = MnistLoader.fromRepository(DatasetName.MNIST, mirror.url(), null);
            SharedData.assertRealMnist(data);
            assertTrue(data.source().contains(mirror.url()) && data.source().contains(cache.toString()), data.source());
        }
    }
}
