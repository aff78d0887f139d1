package org.mnistmlp.train.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.mnistmlp.train.EpochResult;
import org.mnistmlp.train.Outcome;
import org.mnistmlp.train.RunRecorder;

/**
 * The results of a comparison, one row per run in the order given, as text for the terminal, a Markdown
 * table and CSV. Columns: the options that vary, then the figures (validation ones only when some run
 * has a validation split), epochs, training time and how each run ended.
 */
final class ComparisonTable {
    private final List<String> header = new ArrayList<>();
    private final List<List<String>> rows = new ArrayList<>();
    private final List<String> folders = new ArrayList<>();

    ComparisonTable(List<String> varying, List<Row> runs) {
        boolean validation = runs.stream().anyMatch(Row::hasValidation);
        header.addAll(varying);
        header.addAll(List.of("test acc %", "test loss", "train loss"));
        if (validation) {
            header.addAll(List.of("val acc %", "val loss"));
        }
        header.addAll(List.of("train s", "epochs", "status"));
        for (Row run : runs) {
            List<String> cells = new ArrayList<>(run.settings());
            cells.addAll(List.of(percent(run.testAccuracy()), figure(run.testLoss()), figure(run.trainLoss())));
            if (validation) {
                cells.addAll(List.of(percent(run.validationAccuracy()), figure(run.validationLoss())));
            }
            cells.addAll(List.of(format("%.1f", run.trainSeconds()), String.valueOf(run.epochs()), run.status()));
            rows.add(cells);
            folders.add(run.folder());
        }
    }

    private static String percent(double fraction) {
        return format("%.2f", fraction * 100);
    }

    private static String figure(double value) {
        return format("%.4f", value);
    }

    /** The value in {@code pattern}, or "-" for a figure the run does not have. */
    private static String format(String pattern, double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, pattern, value);
    }

    /** Aligned columns for the terminal. */
    String text() {
        int[] widths = new int[header.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = header.get(c).length();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder s = new StringBuilder();
        for (List<String> line : withHeader()) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < line.size(); c++) {
                cells.add(String.format("%-" + widths[c] + "s", line.get(c)));
            }
            s.append(String.join("  ", cells).stripTrailing()).append('\n');
        }
        return s.toString();
    }

    /** A Markdown table with a link to each run's folder. */
    String markdown() {
        StringBuilder s = new StringBuilder();
        s.append("| ").append(String.join(" | ", header)).append(" | run |\n");
        s.append("|").append("---|".repeat(header.size() + 1)).append('\n');
        for (int r = 0; r < rows.size(); r++) {
            s.append("| ").append(String.join(" | ", rows.get(r))).append(" | [").append(folders.get(r)).append("](")
                    .append(folders.get(r)).append("/) |\n");
        }
        return s.toString();
    }

    /** CSV (RFC 4180 quoting) with the run's folder as the last column. */
    String csv() {
        StringBuilder s = new StringBuilder();
        List<String> head = new ArrayList<>(header);
        head.add("run");
        s.append(csvLine(head));
        for (int r = 0; r < rows.size(); r++) {
            List<String> line = new ArrayList<>(rows.get(r));
            line.add(folders.get(r));
            s.append(csvLine(line));
        }
        return s.toString();
    }

    private List<List<String>> withHeader() {
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        return all;
    }

    private static String csvLine(List<String> cells) {
        return cells.stream().map(ComparisonTable::csvCell).collect(Collectors.joining(",")) + "\n";
    }

    private static String csvCell(String cell) {
        return cell.contains(",") || cell.contains("\"") || cell.contains("\n") ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }

    /**
     * One run of a comparison as its table shows it. The figures are those of the epoch whose model the run
     * keeps (the best by validation with a validation split, else the last); NaN where there is none.
     *
     * @param label what tells the run apart, e.g. {@code lr=0.1, hidden=512,256}
     * @param folder the run's own folder, relative to the comparison's
     * @param settings the values of the options that vary, in column order
     * @param epochs epochs completed
     * @param trainSeconds training time summed over the completed epochs, NaN before the first
     * @param status how the run ended: completed, stopped_early, interrupted, diverged
     */
    record Row(String label, String folder, List<String> settings, int epochs, double trainSeconds, String status,
                         double testAccuracy, double testLoss, double trainLoss, double validationAccuracy,
                         double validationLoss) {

        static Row of(Grid.Run run, Experiment experiment) {
            RunRecorder recorder = experiment.recorder();
            List<EpochResult> epochs = recorder.epochs();
            Optional<EpochResult> kept = recorder.kept();
            double seconds = epochs.isEmpty() ? Double.NaN : epochs.stream().mapToDouble(EpochResult::trainSeconds).sum();
            String status = recorder.outcome().map(Outcome::id).orElse("running");
            return new Row(run.label(), run.folder(), run.varyingValues(), epochs.size(), seconds, status,
                    kept.map(EpochResult::testAccuracy).orElse(Double.NaN), kept.map(EpochResult::testLoss).orElse(Double.NaN),
                    kept.map(EpochResult::trainLoss).orElse(Double.NaN),
                    kept.map(EpochResult::validationAccuracy).orElse(Double.NaN),
                    kept.map(EpochResult::validationLoss).orElse(Double.NaN));
        }

        boolean hasValidation() {
            return !Double.isNaN(validationAccuracy);
        }
    }
}
