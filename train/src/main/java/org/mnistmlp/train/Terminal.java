package org.mnistmlp.train;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Whether output goes to a person at a terminal (live progress bars) or to a log (plain lines), and how wide it is. */
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

    private static Integer parseColumns(String value) {
        if (value == null || !value.matches("\\d{1,5}")) {
            return null;
        }
        int columns = Integer.parseInt(value);
        return columns >= 20 ? columns : null;
    }
}
