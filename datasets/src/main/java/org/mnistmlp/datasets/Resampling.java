package org.mnistmlp.datasets;

/**
 * Resizes grey images held as {@code double[height][width]}: area averaging to shrink (each target
 * pixel is the exact mean of the source area it covers, so a thin stroke of a large drawing fades
 * to grey instead of vanishing between samples) and bilinear interpolation to enlarge.
 */
final class Resampling {
    private Resampling() {}

    static double[][] resize(double[][] source, int width, int height) {
        int sourceHeight = source.length;
        int sourceWidth = source[0].length;
        if (width <= sourceWidth && height <= sourceHeight) {
            return areaAverage(source, width, height);
        }
        return bilinear(source, width, height);
    }

    private static double[][] areaAverage(double[][] source, int width, int height) {
        double sx = (double) source[0].length / width;
        double sy = (double) source.length / height;
        double[][] target = new double[height][width];
        for (int ty = 0; ty < height; ty++) {
            double y0 = ty * sy;
            double y1 = y0 + sy;
            for (int tx = 0; tx < width; tx++) {
                double x0 = tx * sx;
                double x1 = x0 + sx;
                double sum = 0;
                for (int y = (int) y0; y < Math.min(Math.ceil(y1), source.length); y++) {
                    double wy = Math.min(y + 1, y1) - Math.max(y, y0);
                    for (int x = (int) x0; x < Math.min(Math.ceil(x1), source[0].length); x++) {
                        double wx = Math.min(x + 1, x1) - Math.max(x, x0);
                        sum += source[y][x] * wx * wy;
                    }
                }
                target[ty][tx] = sum / (sx * sy);
            }
        }
        return target;
    }

    /** Pixel centres map onto pixel centres; samples beyond the edge take the edge's value. */
    private static double[][] bilinear(double[][] source, int width, int height) {
        int sourceHeight = source.length;
        int sourceWidth = source[0].length;
        double[][] target = new double[height][width];
        for (int ty = 0; ty < height; ty++) {
            double y = clamp((ty + 0.5) * sourceHeight / height - 0.5, sourceHeight - 1);
            int y0 = (int) y;
            int y1 = Math.min(y0 + 1, sourceHeight - 1);
            double fy = y - y0;
            for (int tx = 0; tx < width; tx++) {
                double x = clamp((tx + 0.5) * sourceWidth / width - 0.5, sourceWidth - 1);
                int x0 = (int) x;
                int x1 = Math.min(x0 + 1, sourceWidth - 1);
                double fx = x - x0;
                double top = source[y0][x0] * (1 - fx) + source[y0][x1] * fx;
                double bottom = source[y1][x0] * (1 - fx) + source[y1][x1] * fx;
                target[ty][tx] = top * (1 - fy) + bottom * fy;
            }
        }
        return target;
    }

    private static double clamp(double v, double max) {
        return Math.max(0, Math.min(v, max));
    }
}
