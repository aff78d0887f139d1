package org.mnistmlp.plots;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.GraphicsEnvironment;
import org.junit.jupiter.api.Test;

class LiveViewTest {

    @Test
    void withoutDisplayOpeningReportsUnavailableAndRequestsAreIgnored() {
        assertTrue(GraphicsEnvironment.isHeadless(), "tests run with java.awt.headless=true");
        RunHistory run = SampleRuns.decaying("relu", 1, 10, 0.9, 1);

        try (LiveView view = LiveView.open(run)) {
            assertFalse(view.isAvailable());
            assertDoesNotThrow(view::refresh);
        }
    }
}
