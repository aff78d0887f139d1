package org.mnistmlp.autograd;

/** Work on a range of indices, {@code [from, to)}: the body of {@link Kernels#parallelFor}. */
@FunctionalInterface
public interface IntRangeConsumer {

    /** Does the work for the indices from {@code from} (inclusive) to {@code to} (exclusive). */
    void accept(int from, int to);
}
