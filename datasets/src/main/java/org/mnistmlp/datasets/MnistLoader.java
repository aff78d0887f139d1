package org.mnistmlp.datasets;

import ai.djl.util.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Loads MNIST or Fashion-MNIST, either from a local folder of IDX files or through DJL's dataset
 * repository (downloaded once, checked against its SHA-1 and cached under {@code DJL_CACHE_DIR}).
 * The four files are read and decompressed on two threads.
 */
public final class MnistLoader {

    private static final int THREADS = 2;

    private MnistLoader() {}

    /**
     * Reads the four standard IDX files ({@code train-images-idx3-ubyte},
     * {@code train-labels-idx1-ubyte}, {@code t10k-images-idx3-ubyte},
     * {@code t10k-labels-idx1-ubyte}), each raw or with {@code .gz} appended, from a folder.
     *
     * @param name the data set the files hold (sets the expected image size and classes)
     * @param folder the folder holding the files
     * @return both splits
     * @throws DatasetException if a file is missing or malformed
     */
    public static MnistData fromFolder(DatasetName name, Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new DatasetException(folder + ": data folder does not exist or is not a directory");
        }
        Map<IdxFile, Path> files = new EnumMap<>(IdxFile.class);
        for (IdxFile file : IdxFile.values()) {
            files.put(file, locate(folder, file));
        }
        return load(name, files, "local folder " + folder.toAbsolutePath());
    }

    /**
     * Fetches the data set through DJL's dataset repository, or a mirror of it, and reads the
     * cached files. Nothing is downloaded when the cache already holds them.
     *
     * @param name the data set
     * @param mirrorUrl base URL of a mirror with DJL's repository layout, or {@code null} for
     *     DJL's own repository
     * @param progress shows download progress (e.g. DJL's {@code ProgressBar}), or {@code null}
     * @return both splits
     * @throws DatasetException if the repository cannot be reached (within seconds), a download
     *     fails its SHA-1 check, or a file is malformed
     */
    public static MnistData fromRepository(DatasetName name, String mirrorUrl, Progress progress) {
        RepositoryFetcher.Fetched fetched = RepositoryFetcher.fetch(name, mirrorUrl, progress);
        return load(name, fetched.files(), fetched.source());
    }

    private static Path locate(Path folder, IdxFile file) {
        Path raw = folder.resolve(file.fileName());
        if (Files.isRegularFile(raw)) {
            return raw;
        }
        Path gzip = folder.resolve(file.fileName() + ".gz");
        if (Files.isRegularFile(gzip)) {
            return gzip;
        }
        throw new DatasetException(folder.toAbsolutePath() + ": missing " + file.fileName()
                + " (or " + file.fileName() + ".gz) in this data folder");
    }

    private static MnistData load(DatasetName name, Map<IdxFile, Path> files, String source) {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS, task -> {
            Thread thread = new Thread(task, "idx-reader");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<IdxReader.Images> trainImages =
                    pool.submit(() -> IdxReader.readImages(files.get(IdxFile.TRAIN_IMAGES)));
            Future<IdxReader.Images> testImages =
                    pool.submit(() -> IdxReader.readImages(files.get(IdxFile.TEST_IMAGES)));
            Future<byte[]> trainLabels = pool.submit(
                    () -> IdxReader.readLabels(files.get(IdxFile.TRAIN_LABELS), name.classes()));
            Future<byte[]> testLabels = pool.submit(
                    () -> IdxReader.readLabels(files.get(IdxFile.TEST_LABELS), name.classes()));
            ImageSet train = split(name, files.get(IdxFile.TRAIN_IMAGES), await(trainImages),
                    files.get(IdxFile.TRAIN_LABELS), await(trainLabels));
            ImageSet test = split(name, files.get(IdxFile.TEST_IMAGES), await(testImages),
                    files.get(IdxFile.TEST_LABELS), await(testLabels));
            return new MnistData(name, train, test, source);
        } finally {
            pool.shutdownNow();
        }
    }

    private static ImageSet split(DatasetName name, Path imagesFile, IdxReader.Images images,
            Path labelsFile, byte[] labels) {
        if (images.rows() != name.rows() || images.cols() != name.cols()) {
            throw new DatasetException(imagesFile + ": images are " + images.rows() + "×"
                    + images.cols() + " pixels, expected " + name.rows() + "×" + name.cols()
                    + " for " + name.id());
        }
        if (labels.length != images.count()) {
            throw new DatasetException(labelsFile + ": holds " + labels.length + " labels but "
                    + imagesFile + " holds " + images.count() + " images");
        }
        return new ImageSet(images.pixels(), labels, images.rows(), images.cols());
    }

    private static <T> T await(Future<T> result) {
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatasetException("interrupted while reading the data set", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new DatasetException("reading the data set failed: " + cause, cause);
        }
    }
}
