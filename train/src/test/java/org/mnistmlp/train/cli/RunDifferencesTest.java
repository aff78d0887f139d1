package org.mnistmlp.train.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Legends name what differs between saved runs, and nothing else. */
class RunDifferencesTest {

    private static Map<String, String> config(String... keyValues) {
        Map<String, String> c = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            c.put(keyValues[i], keyValues[i + 1]);
        }
        return c;
    }

    private static final List<Path> FOLDERS = List.of(Path.of("runs/a"), Path.of("runs/b"), Path.of("runs/c"));

    @Test
    void onlyTheEntriesThatDifferAreNamed() {
        List<Map<String, String>> configs = List.of(
                config("hidden", "512,256", "lr", "0.1", "seed", "1", "kernels", "scalar", "threads", "1"),
                config("hidden", "128", "lr", "0.1", "seed", "1", "kernels", "vector", "threads", "2"),
                config("hidden", "128", "lr", "0.05", "seed", "1", "kernels", "vector", "threads", "2"));
        assertEquals(List.of("hidden=512,256, lr=0.1", "hidden=128, lr=0.1", "hidden=128, lr=0.05"),
                RunDifferences.labels(configs, FOLDERS), "kernels and threads are circumstances, not settings");
    }

    @Test
    void anEntryOnlySomeRunsHaveDiffers() {
        List<Map<String, String>> configs = List.of(config("lr", "0.1"), config("lr", "0.1", "dropout", "0.5"));
        assertEquals(List.of("dropout=-", "dropout=0.5"), RunDifferences.labels(configs, FOLDERS.subList(0, 2)));
    }

    @Test
    void runsThatDifferInNothingAreNamedByTheirFolders() {
        List<Map<String, String>> configs = List.of(config("lr", "0.1"), config("lr", "0.1"), config("lr", "0.2"));
        assertEquals(List.of("lr=0.1 (runs/a)", "lr=0.1 (runs/b)", "lr=0.2"), RunDifferences.labels(configs, FOLDERS));
        assertEquals(List.of("runs/a", "runs/b"), RunDifferences.labels(List.of(config("lr", "0.1"), config("lr", "0.1")),
                FOLDERS.subList(0, 2)));
    }
}
