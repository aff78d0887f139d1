package org.mnistmlp.train.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mnistmlp.train.StepEvent;

/** The live progress line on terminals of several widths, and its time-left estimate. */
class ProgressTest {

    /** The lines drawn on a terminal {@code columns} wide, each as the terminal shows it. */
    private static List<String> drawn(int columns, List<StepEvent> steps) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressPrinter printer = new ProgressPrinter(new PrintStream(bytes, true, StandardCharsets.UTF_8), true, 100, () -> columns);
        steps.forEach(printer::onStep);
        return Arrays.stream(bytes.toString(StandardCharsets.UTF_8).split("\r"))
                .map(s -> s.replace("\033[K", "")).filter(s -> !s.isEmpty()).toList();
    }

    /** An epoch whose first step takes {@code firstStep} seconds (the JIT at work) and the others 10 ms. */
    private static List<StepEvent> epoch(int epoch, int steps, double firstStep) {
        return java.util.stream.IntStream.rangeClosed(1, steps)
                .mapToObj(i -> new StepEvent(epoch, i, steps, 0.1234, i * 64, firstStep + (i - 1) * 0.01)).toList();
    }

    @ParameterizedTest
    @ValueSource(ints = {60, 80, 200})
    void theLineFitsTheTerminal(int columns) {
        List<String> lines = drawn(columns, epoch(100, 1000, 0.01));
        assertFalse(lines.isEmpty());
        for (String line : lines) {
            assertTrue(line.length() < columns, line.length() + " characters on " + columns + ": " + line);
            assertTrue(line.startsWith("epoch 100/100 [") && line.contains("loss 0.1234"), line);
        }
        String last = lines.get(lines.size() - 1);
        assertTrue(last.contains("[" + "=".repeat(ProgressLine.MIN_BAR)), last);
        if (columns >= 80) {
            assertTrue(last.contains("samples/s") && last.contains("left"), last);
        }
    }

    @Test
    void figuresGiveWayToTheBarInOrder() {
        String wide = ProgressLine.of(12, 100, 0.5, 0.1234, 1_234_567, 3723, 200);
        assertEquals("epoch 12/100 [" + "=".repeat(15) + " ".repeat(15) + "]  50%  loss 0.1234  1:02:03 left  1,234,567 samples/s", wide);
        String narrow = ProgressLine.of(12, 100, 0.5, 0.1234, 1_234_567, 3723, 60);
        assertEquals("epoch 12/100 [" + "=".repeat(6) + " ".repeat(6) + "]  50%  loss 0.1234  1:02:03 left", narrow);
        assertEquals(59, narrow.length());
        String tiny = ProgressLine.of(12, 100, 0.5, 0.1234, 1_234_567, 3723, 30);
        assertTrue(tiny.length() < 30 && tiny.startsWith("epoch 12/100"), tiny);
    }

    @Test
    void timeLeftIsHiddenUntilItCanBeTrustedThenClose() {
        List<String> lines = drawn(200, epoch(1, 300, 2.0));
        assertFalse(lines.get(0).contains("left"), "no estimate from the first, slow step: " + lines.get(0));
        String estimated = lines.stream().filter(l -> l.contains("left")).findFirst().orElseThrow();
        int percent = Integer.parseInt(estimated.replaceFirst(".*\\] +(\\d+)%.*", "$1"));
        double truth = 300 * (1 - percent / 100.0) * 0.01;
        double told = Integer.parseInt(estimated.replaceFirst(".* (\\d+):(\\d\\d) left.*", "$1")) * 60
                + Integer.parseInt(estimated.replaceFirst(".* (\\d+):(\\d\\d) left.*", "$2"));
        assertTrue(Math.abs(told - truth) <= 1, "told " + told + " s, truth " + truth + " s: " + estimated);
    }

    @Test
    void laterEpochsEstimateFromTheirFirstStep() {
        ProgressPrinter.TimeLeft left = new ProgressPrinter.TimeLeft();
        left.startEpoch(Double.NaN);
        left.step(1, 2.0);
        assertTrue(Double.isNaN(left.seconds(1, 300)));
        left.startEpoch(0.01);
        left.step(1, 0.01);
        assertEquals(2.99, left.seconds(1, 300), 1e-9);
    }
}
