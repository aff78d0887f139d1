package org.mnistmlp.nn;

import java.util.SplittableRandom;
import org.mnistmlp.autograd.Tensor;

/**
 * Inverted dropout, as PyTorch's {@code nn.Dropout}: in training mode each element is zeroed with
 * probability {@code p} and the survivors are scaled by {@code 1 / (1 - p)}, so that the expected
 * output equals the input; in evaluation mode (after {@link Module#eval()}) it is the identity.
 *
 * <p>The masks are reproducible and need no saved generator state: the mask of training forward pass
 * number n is a pure function of the layer's seed and n. Passes are counted from 0 unless
 * {@link #seek(long)} sets the number; a training loop that seeks to its global step before each step
 * draws masks that follow from (seed, epoch, step) alone, so a resumed run draws the same ones. The same
 * call replays a mask, e.g. for a gradient check.
 */
public final class Dropout extends Module {
    private final double p;
    private final long seed;
    private long pass;

    /**
     * @param p the probability of zeroing an element, in [0, 1)
     * @param seed the seed of the masks
     * @throws IllegalArgumentException if {@code p} is outside [0, 1)
     */
    public Dropout(double p, long seed) {
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("Dropout: p must be in [0, 1), got " + p);
        }
        this.p = p;
        this.seed = seed;
    }

    /** The probability of zeroing an element. */
    public double p() {
        return p;
    }

    /** The number of the next training forward pass, which selects its mask. */
    public long position() {
        return pass;
    }

    /** Makes the next training forward pass draw the mask of pass number {@code pass}. */
    public void seek(long pass) {
        if (pass < 0) {
            throw new IllegalArgumentException("Dropout: pass must not be negative, got " + pass);
        }
        this.pass = pass;
    }

    @Override
    public Tensor forward(Tensor x) {
        if (!isTraining() || p == 0) {
            return x;
        }
        return x.mul(Tensor.of(mask(x.numel(), pass++), x.shape()));
    }

    /** Zeros with probability p, otherwise 1 / (1 - p), drawn from a generator seeded by (seed, pass). */
    private float[] mask(int n, long pass) {
        SplittableRandom random = new SplittableRandom(mix(mix(seed) + pass));
        long keepBelow = (long) Math.floor((1 - p) * (1L << 32));   // keep when a 32-bit draw falls below
        float scale = (float) (1 / (1 - p));
        float[] m = new float[n];
        int i = 0;
        while (i < n) {
            long bits = random.nextLong();
            m[i++] = (bits >>> 32) < keepBelow ? scale : 0f;
            if (i < n) {
                m[i++] = (bits & 0xFFFFFFFFL) < keepBelow ? scale : 0f;
            }
        }
        return m;
    }

    /** SplitMix64's finalizer: nearby inputs give unrelated outputs. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public String toString() {
        return "Dropout(p=" + p + ")";
    }
}
