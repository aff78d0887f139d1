package org.mnistmlp.nn;

import org.apache.commons.math3.random.RandomGenerator;

/** How a {@link Linear} layer's weight and bias are first filled. */
public enum Init {
    /** PyTorch's {@code nn.Linear} default: weight and bias uniform in ±1/√in. */
    DEFAULT {
        @Override
        void fill(float[] weight, float[] bias, int in, int out, RandomGenerator rng) {
            double bound = 1 / Math.sqrt(in);
            uniform(weight, bound, rng);
            uniform(bias, bound, rng);
        }
    },
    /** He (Kaiming) normal, for ReLU-like activations: weight normal with std √(2/in), bias 0. */
    HE {
        @Override
        void fill(float[] weight, float[] bias, int in, int out, RandomGenerator rng) {
            double std = Math.sqrt(2.0 / in);
            for (int i = 0; i < weight.length; i++) {
                weight[i] = (float) (rng.nextGaussian() * std);
            }
        }
    },
    /** Xavier (Glorot) uniform, for tanh and sigmoid: weight uniform in ±√(6/(in+out)), bias 0. */
    XAVIER {
        @Override
        void fill(float[] weight, float[] bias, int in, int out, RandomGenerator rng) {
            uniform(weight, Math.sqrt(6.0 / (in + out)), rng);
        }
    };

    /** Fills a fresh (zeroed) weight of {@code in·out} values and bias of {@code out} values, weight first. */
    abstract void fill(float[] weight, float[] bias, int in, int out, RandomGenerator rng);

    private static void uniform(float[] values, double bound, RandomGenerator rng) {
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) ((2 * rng.nextDouble() - 1) * bound);
        }
    }
}
