package org.mnistmlp.autograd;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The scalar kernels against a slow double-precision reference. */
class ScalarKernelsTest {
    @Test
    void agreeWithReference() {
        KernelAgreement.assertAgreesWithReference(new ScalarKernels(), new Random(3));
    }
}
