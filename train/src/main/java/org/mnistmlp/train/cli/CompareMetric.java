package org.mnistmlp.train.cli;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** What {@code compare} sorts its table by: the best run first. */
enum CompareMetric {
    TEST_ACCURACY(ComparisonTable.Row::testAccuracy, true),
    TEST_LOSS(ComparisonTable.Row::testLoss, false),
    VALIDATION_ACCURACY(ComparisonTable.Row::validationAccuracy, true),
    VALIDATION_LOSS(ComparisonTable.Row::validationLoss, false),
    TRAIN_LOSS(ComparisonTable.Row::trainLoss, false),
    TIME(ComparisonTable.Row::trainSeconds, false);

    private final ToDoubleFunction<ComparisonTable.Row> value;
    private final boolean higherIsBetter;

    CompareMetric(ToDoubleFunction<ComparisonTable.Row> value, boolean higherIsBetter) {
        this.value = value;
        this.higherIsBetter = higherIsBetter;
    }

    /** The name on the command line: {@code test-accuracy}, {@code time}, ... */
    String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Best first; rows without the figure (no epoch finished, no validation split) last, in their order. */
    Comparator<ComparisonTable.Row> order() {
        Comparator<Double> figures = higherIsBetter ? Comparator.reverseOrder() : Comparator.naturalOrder();
        return Comparator.comparing((ComparisonTable.Row row) -> Double.isNaN(value.applyAsDouble(row)))
                .thenComparing(row -> value.applyAsDouble(row), figures);
    }

    static String ids() {
        return Arrays.stream(values()).map(CompareMetric::id).collect(Collectors.joining(", "));
    }

    /** Reads the command-line name. */
    static final class Converter implements ITypeConverter<CompareMetric> {
        @Override
        public CompareMetric convert(String text) {
            return Arrays.stream(values()).filter(m -> m.id().equals(text.trim().toLowerCase(Locale.ROOT))).findFirst()
                    .orElseThrow(() -> new TypeConversionException("'" + text + "' is not one of " + ids()));
        }
    }
}
