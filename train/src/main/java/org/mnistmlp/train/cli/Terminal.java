package org.mnistmlp.train.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Whether output goes to a person at a terminal (live progress bars) or to a log (plain lines), how wide
 * it is, and the small text formats the program prints with.
 */
final class Terminal {
    static final int DEFAULT_COLUMNS = 80;

    private Terminal() {}

    static boolean isInteractive() {
        return System.console() != null && !"dumb".equals(System.getenv("TERM"));
    }

    /**
     * The terminal's width in characters: {@code COLUMNS} if set (shells rarely export it), else what
     * {@code stty size} says of {@code /dev/tty}, else 80.
     */
    static int columns() {
        Integer fromEnvironment = parseColumns(System.getenv("COLUMNS"));
        if (fromEnvironment != null) {
            return fromEnvironment;
        }
        try {
            Process stty = new ProcessBuilder("stty", "size").redirectInput(new File("/dev/tty"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String size = new String(stty.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            Integer fromStty = stty.waitFor() == 0 ? parseColumns(size.replaceFirst("^\\d+\\s+", "")) : null;
            return fromStty != null ? fromStty : DEFAULT_COLUMNS;
        } catch (IOException e) {
            return DEFAULT_COLUMNS;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DEFAULT_COLUMNS;
        }
    }

    /** A count with its noun in the right number: "1 epoch", "3 epochs". */
    static String count(long n, String noun) {
        return String.format("%,d %s%s", n, noun, n == 1 ? "" : "s");
    }

    /** Seconds as m:ss (or h:mm:ss). */
    static String duration(double seconds) {
        long s = Math.round(Math.max(0, seconds));
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String.format("%d:%02d", s / 60, s % 60);
    }

    private static Integer parseColumns(String value) {
        if (value == null || !value.matches("\\d{1,5}")) {
            return null;
        }
        int columns = Integer.parseInt(value);
        return columns >= 20 ? columns : null;
    }
}
