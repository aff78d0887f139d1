package org.mnistmlp.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Each schedule at its key steps, computed by hand. */
class LearningRateScheduleTest {
    private static final double EPS = 1e-12;

    @Test
    void constant() {
        LearningRateSchedule s = LearningRateSchedule.constant(0.3);
        assertEquals(0.3, s.rate(0, 10), EPS);
        assertEquals(0.3, s.rate(9, 10), EPS);
    }

    @Test
    void stepDropsByGammaEveryStepSize() {
        // lr·0.5^⌊step/3⌋: steps 0..2 → 1, 3..5 → 0.5, 6 → 0.25
        LearningRateSchedule s = LearningRateSchedule.step(1, 3, 0.5);
        assertEquals(1, s.rate(2, 10), EPS);
        assertEquals(0.5, s.rate(3, 10), EPS);
        assertEquals(0.5, s.rate(5, 10), EPS);
        assertEquals(0.25, s.rate(6, 10), EPS);
    }

    @Test
    void cosineFallsFromTheRateTowardsZero() {
        // (1 + cos(π·step/8)) / 2 at 0, 2, 4, 6: 1, (1 + √2/2)/2 = 0.8535534, 0.5, (1 - √2/2)/2 = 0.1464466
        LearningRateSchedule s = LearningRateSchedule.cosine(1);
        assertEquals(1, s.rate(0, 8), EPS);
        assertEquals(0.8535533905932737, s.rate(2, 8), EPS);
        assertEquals(0.5, s.rate(4, 8), EPS);
        assertEquals(0.14644660940672627, s.rate(6, 8), EPS);
    }

    @Test
    void warmupRisesLinearlyThenFollowsTheCosine() {
        // 4 warm-up steps of 12: 0.25, 0.5, 0.75, 1; then the cosine over the remaining 8 steps:
        // step 4 → 1, step 8 → (1 + cos(π/2))/2 = 0.5, step 11 → (1 + cos(7π/8))/2 = 0.0380602
        LearningRateSchedule s = LearningRateSchedule.warmupCosine(1, 4);
        assertEquals(0.25, s.rate(0, 12), EPS);
        assertEquals(0.75, s.rate(2, 12), EPS);
        assertEquals(1, s.rate(3, 12), EPS);
        assertEquals(1, s.rate(4, 12), EPS);
        assertEquals(0.5, s.rate(8, 12), EPS);
        assertEquals(0.03806023374435663, s.rate(11, 12), EPS);
    }

    @Test
    void oneCycleAsPyTorchsOneCycleLR() {
        // max 1, 40 steps, pct_start 0.25: the rise ends at step 0.25·40 - 1 = 9, the fall at 39.
        // It starts at 1/25 = 0.04 and ends at 0.04/10⁴ = 4e-6. With anneal(a, b, f) = b + (a - b)·(1 + cos πf)/2:
        // step 3 (f = 1/3, cos = 1/2): 1 + (0.04 - 1)·0.75 = 0.28;  step 6 (f = 2/3): 1 + (0.04 - 1)·0.25 = 0.76
        // step 24 (f = 15/30 = 1/2): (1 + 4e-6)/2 = 0.500002
        LearningRateSchedule s = LearningRateSchedule.oneCycle(1, 0.25);
        assertEquals(0.04, s.rate(0, 40), EPS);
        assertEquals(0.28, s.rate(3, 40), EPS);
        assertEquals(0.76, s.rate(6, 40), EPS);
        assertEquals(1, s.rate(9, 40), EPS);
        assertEquals(0.500002, s.rate(24, 40), EPS);
        assertEquals(4e-6, s.rate(39, 40), EPS);
    }

    @Test
    void impossibleSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.step(1, 0, 0.5));
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.oneCycle(1, 1.0));
        String shortRun = assertThrows(IllegalArgumentException.class,
                () -> LearningRateSchedule.oneCycle(1, 0.25).rate(0, 4)).getMessage();
        assertTrue(shortRun.contains("shorter than 2 steps"), shortRun);
    }
}
