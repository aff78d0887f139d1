package org.mnistmlp.plots;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.DoubleStream;

/**
 * The rightmost x and the range of y over the points of some curves.
 *
 * @param xMax the largest x
 * @param yMin the smallest y
 * @param yMax the largest y
 */
record Extent(double xMax, double yMin, double yMax) {

    /** Returns the extent of the points of all curves, or nothing if the curves have no points. */
    static Optional<Extent> of(List<Curve> curves) {
        if (curves.stream().allMatch(Curve::isEmpty)) {
            return Optional.empty();
        }
        Function<Function<Curve, double[]>, DoubleStream> values =
                axis -> curves.stream().flatMapToDouble(curve -> Arrays.stream(axis.apply(curve)));
        return Optional.of(new Extent(values.apply(Curve::x).max().orElseThrow(),
                values.apply(Curve::y).min().orElseThrow(), values.apply(Curve::y).max().orElseThrow()));
    }
}
