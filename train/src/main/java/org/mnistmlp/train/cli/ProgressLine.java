package org.mnistmlp.train.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The live progress line of an epoch, fitted to the terminal's width: a bar as wide as the room
 * allows, and when even a short bar does not fit, the least useful figures go first (samples per
 * second, then the time left). It never reaches the last column, where terminals wrap.
 */
final class ProgressLine {
    static final int MAX_BAR = 30;
    static final int MIN_BAR = 10;

    private ProgressLine() {}

    /**
     * The line for {@code fraction} (0..1) of epoch {@code epoch} of {@code epochs}, in at most
     * {@code columns - 1} characters.
     *
     * @param secondsLeft the time left, or NaN to leave it out
     */
    static String of(int epoch, int epochs, double fraction, double loss, double samplesPerSecond, double secondsLeft,
            int columns) {
        List<String> figures = new ArrayList<>(List.of(String.format("%3.0f%%", fraction * 100), String.format("loss %.4f", loss)));
        if (!Double.isNaN(secondsLeft)) {
            figures.add(Terminal.duration(secondsLeft) + " left");
        }
        figures.add(String.format("%,.0f samples/s", samplesPerSecond));
        String prefix = "epoch " + epoch + "/" + epochs + " ";
        while (true) {
            String tail = " " + String.join("  ", figures);
            int room = columns - 1 - prefix.length() - tail.length() - 2;
            if (room >= MIN_BAR || figures.size() == 2) {
                String line = prefix + bar(fraction, Math.min(MAX_BAR, room)) + tail;
                return line.length() < columns ? line : line.substring(0, Math.max(0, columns - 1));
            }
            figures.remove(figures.size() - 1);
        }
    }

    private static String bar(double fraction, int width) {
        if (width < 1) {
            return "";
        }
        int filled = (int) Math.round(fraction * width);
        return "[" + "=".repeat(filled) + " ".repeat(width - filled) + "]";
    }
}
