package org.mnistmlp.train.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Names runs by what differs between them, for legends: {@code lr=0.1, hidden=512,256}. */
final class RunDifferences {
    /** Entries that describe where and how fast a run went, not what it learned. */
    private static final Set<String> CIRCUMSTANCES = Set.of("data_source", "kernels", "threads");

    private RunDifferences() {}

    /**
     * One label per run: the configuration entries whose values are not the same in every run, in the
     * order they first appear. A run is named by its folder when nothing differs, and a label two runs
     * would share gets the folder added.
     */
    static List<String> labels(List<Map<String, String>> configs, List<Path> folders) {
        Set<String> keys = new LinkedHashSet<>();
        configs.forEach(c -> keys.addAll(c.keySet()));
        keys.removeAll(CIRCUMSTANCES);
        List<String> differing = keys.stream()
                .filter(k -> configs.stream().map(c -> c.get(k)).distinct().count() > 1).toList();
        List<String> labels = new ArrayList<>();
        for (Map<String, String> config : configs) {
            List<String> parts = differing.stream().map(k -> k + "=" + Objects.requireNonNullElse(config.get(k), "-")).toList();
            labels.add(String.join(", ", parts));
        }
        Set<String> seen = new HashSet<>();
        Set<String> shared = new HashSet<>();
        for (String label : labels) {
            if (!seen.add(label)) {
                shared.add(label);
            }
        }
        for (int i = 0; i < labels.size(); i++) {
            String folder = folders.get(i).toString();
            String label = labels.get(i);
            labels.set(i, label.isEmpty() ? folder : shared.contains(label) ? label + " (" + folder + ")" : label);
        }
        return labels;
    }
}
