package org.mnistmlp.train.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

/** The orders of the comparison table: best first, runs without the figure last. */
class CompareMetricTest {

    private static ComparisonTable.Row row(String label, double testAccuracy, double testLoss, double seconds, double validationAccuracy) {
        return new ComparisonTable.Row(label, label, List.of(label), 1, seconds, "completed", testAccuracy, testLoss, 0.5,
                validationAccuracy, Double.NaN);
    }

    private static List<String> sorted(CompareMetric metric, ComparisonTable.Row... rows) {
        List<ComparisonTable.Row> list = new ArrayList<>(List.of(rows));
        list.sort(metric.order());
        return list.stream().map(ComparisonTable.Row::label).toList();
    }

    @Test
    void accuracyHighestFirstLossAndTimeLowestFirst() {
        ComparisonTable.Row a = row("a", 0.97, 0.10, 30, 0.96);
        ComparisonTable.Row b = row("b", 0.98, 0.12, 20, Double.NaN);
        ComparisonTable.Row c = row("c", 0.96, 0.08, 40, 0.97);
        assertEquals(List.of("b", "a", "c"), sorted(CompareMetric.TEST_ACCURACY, a, b, c));
        assertEquals(List.of("c", "a", "b"), sorted(CompareMetric.TEST_LOSS, a, b, c));
        assertEquals(List.of("b", "a", "c"), sorted(CompareMetric.TIME, a, b, c));
        assertEquals(List.of("c", "a", "b"), sorted(CompareMetric.VALIDATION_ACCURACY, a, b, c), "without the figure: last");
    }

    @Test
    void runsWithoutAnyEpochComeLastInTheirOrder() {
        ComparisonTable.Row none1 = row("none1", Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        ComparisonTable.Row none2 = row("none2", Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        ComparisonTable.Row done = row("done", 0.5, 1.0, 10, Double.NaN);
        assertEquals(List.of("done", "none1", "none2"), sorted(CompareMetric.TEST_LOSS, none1, done, none2));
        assertEquals(List.of("done", "none1", "none2"), sorted(CompareMetric.TIME, none1, done, none2));
    }

    @Test
    void commandLineNamesUseDashes() {
        CompareMetric.Converter converter = new CompareMetric.Converter();
        assertEquals(CompareMetric.VALIDATION_LOSS, converter.convert("validation-loss"));
        assertEquals(CompareMetric.TIME, converter.convert("Time"));
        TypeConversionException e = assertThrows(TypeConversionException.class, () -> converter.convert("speed"));
        assertTrue(e.getMessage().contains("test-accuracy, test-loss, validation-accuracy, validation-loss, train-loss, time"),
                e.getMessage());
    }
}
