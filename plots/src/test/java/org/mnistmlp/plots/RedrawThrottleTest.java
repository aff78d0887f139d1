package org.mnistmlp.plots;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The live window redraws at most twice a second and spends at most a tenth of the time drawing. */
class RedrawThrottleTest {
    private static final long MS = 1_000_000L;

    @Test
    void aQuickRedrawWaitsHalfASecond() {
        RedrawThrottle throttle = new RedrawThrottle();
        assertTrue(throttle.due(0), "the first redraw is due at once");
        throttle.drawn(0, 10 * MS);
        assertFalse(throttle.due(499 * MS));
        assertTrue(throttle.due(500 * MS));
    }

    @Test
    void aSlowRedrawWaitsNineTimesItsLength() {
        RedrawThrottle throttle = new RedrawThrottle();
        throttle.drawn(1000 * MS, 1300 * MS);
        assertFalse(throttle.due(3999 * MS), "300 ms of drawing, then 2.7 s of rest");
        assertTrue(throttle.due(4000 * MS));
    }

    @Test
    void drawingNeverExceedsATenthOfTheTime() {
        RedrawThrottle throttle = new RedrawThrottle();
        long drawing = 0;
        long now = 0;
        long[] costs = {400 * MS, 250 * MS, 120 * MS, 30 * MS, 30 * MS, 5 * MS};   // the JIT at work, then not
        int next = 0;
        for (; now < 60_000 * MS; now += 10 * MS) {
            if (throttle.due(now)) {
                long cost = costs[Math.min(next++, costs.length - 1)];
                throttle.drawn(now, now + cost);
                drawing += cost;
                now += cost;
            }
        }
        assertTrue(drawing <= now / 10, "drew " + drawing / MS + " ms of " + now / MS + " ms");
        assertTrue(next <= 2 * 60 + 1, "at most two redraws a second: " + next);
    }
}
