package org.mnistmlp.train.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The runs of a comparison: every combination of the values given for each option, the first option
 * varying slowest. An option's values are its comma-separated alternatives, or, for an option whose
 * value is itself a comma-separated list (such as {@code --hidden}), one per occurrence.
 */
final class Grid {

    /** One option and the values it takes across the grid, as they are passed to the option. */
    record Axis(OptionSpec option, List<String> values) {
        /**
         * The axis of {@code option} given {@code occurrences} on the command line.
         *
         * @throws IllegalArgumentException for an empty value or a value given twice
         */
        static Axis of(OptionSpec option, List<String> occurrences) {
            boolean listValued = !option.splitRegex().isEmpty();
            List<String> values = new ArrayList<>();
            for (String occurrence : occurrences) {
                values.addAll(listValued ? List.of(occurrence) : List.of(occurrence.split(",", -1)));
            }
            Set<String> seen = new HashSet<>();
            for (String value : values) {
                if (value.isBlank()) {
                    throw new IllegalArgumentException(option.longestName() + " has an empty value in " + occurrences);
                }
                if (!seen.add(value.trim())) {
                    throw new IllegalArgumentException(option.longestName() + " gives " + value.trim() + " twice");
                }
            }
            return new Axis(option, values.stream().map(String::trim).toList());
        }

        boolean varies() {
            return values.size() > 1;
        }

        /** The option's name without its dashes, as legends show it: {@code lr}, {@code hidden}. */
        String name() {
            return option.longestName().replaceFirst("^-+", "");
        }

        /** The arguments that set {@code value}: a flag is present for true and absent for false. */
        List<String> args(String value) {
            if (option.arity().max() == 0) {
                return Boolean.parseBoolean(value) ? List.of(option.longestName()) : List.of();
            }
            return List.of(option.longestName(), value);
        }
    }

    /** One run of the grid: one value for each axis. */
    record Run(List<Axis> axes, List<String> values) {
        /** The command-line arguments of this run. */
        String[] args() {
            List<String> args = new ArrayList<>();
            for (int i = 0; i < axes.size(); i++) {
                args.addAll(axes.get(i).args(values.get(i)));
            }
            return args.toArray(String[]::new);
        }

        /** The values of the axes that vary, e.g. {@code lr=0.1, hidden=512,256}: what tells runs apart. */
        String label() {
            return String.join(", ", varying("="));
        }

        /** A folder name made of what varies, e.g. {@code lr-0.1_hidden-512-256}. */
        String folder() {
            return String.join("_", varying("-")).replace(',', '-').replaceAll("[^A-Za-z0-9._-]", "-");
        }

        /** The value of each varying axis, in axis order. */
        List<String> varyingValues() {
            List<String> shown = new ArrayList<>();
            for (int i = 0; i < axes.size(); i++) {
                if (axes.get(i).varies()) {
                    shown.add(values.get(i));
                }
            }
            return shown;
        }

        private List<String> varying(String assign) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < axes.size(); i++) {
                if (axes.get(i).varies()) {
                    parts.add(axes.get(i).name() + assign + values.get(i));
                }
            }
            return parts;
        }
    }

    private final List<Axis> axes;

    Grid(List<Axis> axes) {
        this.axes = List.copyOf(axes);
    }

    /** The axes, in the order given. */
    List<Axis> axes() {
        return axes;
    }

    /** The axes with more than one value: the columns of the comparison. */
    List<Axis> varyingAxes() {
        return axes.stream().filter(Axis::varies).toList();
    }

    /** Every combination, the first axis varying slowest. */
    List<Run> runs() {
        List<List<String>> combinations = List.of(List.of());
        for (Axis axis : axes) {
            List<List<String>> extended = new ArrayList<>();
            for (List<String> prefix : combinations) {
                for (String value : axis.values()) {
                    List<String> next = new ArrayList<>(prefix);
                    next.add(value);
                    extended.add(next);
                }
            }
            combinations = extended;
        }
        return combinations.stream().map(values -> new Run(axes, values)).collect(Collectors.toList());
    }
}
