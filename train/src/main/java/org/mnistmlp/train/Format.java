package org.mnistmlp.train;

/** Small text formats shared by the program's output. */
final class Format {
    private Format() {}

    /** A count with its noun in the right number: "1 epoch", "3 epochs". */
    static String count(long n, String noun) {
        return String.format("%,d %s%s", n, noun, n == 1 ? "" : "s");
    }

    /** Seconds as m:ss (or h:mm:ss). */
    static String duration(double seconds) {
        long s = Math.round(Math.max(0, seconds));
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String.format("%d:%02d", s / 60, s % 60);
    }
}
