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
    TEST_ACCURACY(ComparisonRow::testAccuracy, true),
    TEST_LOSS(ComparisonRow::testLoss, false),
    VALIDATION_ACCURACY(ComparisonRow::validationAccuracy, true),
    VALIDATION_LOSS(ComparisonRow::validationLoss, false),
    TRAIN_LOSS(ComparisonRow::trainLoss, false),
    TIME(ComparisonRow::trainSeconds, false);

    private final ToDoubleFunction<ComparisonRow> value;
    private final boolean higherIsBetter;

    CompareMetric(ToDoubleFunction<ComparisonRow> value, boolean higherIsBetter) {
        this.value = value;
        this.higherIsBetter = higherIsBetter;
    }

    /** The name on the command line: {@code test-accuracy}, {@code time}, ... */
    String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Best first; rows without the figure (no epoch finished, no validation split) last, in their order. */
    Comparator<ComparisonRow> order() {
        Comparator<Double> figures = higherIsBetter ? Comparator.reverseOrder() : Comparator.naturalOrder();
        return Comparator.comparing((ComparisonRow row) -> Double.isNaN(value.applyAsDouble(row)))
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
