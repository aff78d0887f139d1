package org.mnistmlp.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** NoGrad scopes belong to the thread that opened them. */
class NoGradTest {

    @Test
    void closingOnAnotherThreadIsRefusedAndLeavesBothThreadsRight() throws Exception {
        NoGrad scope = NoGrad.enter();
        try {
            String[] otherThread = CompletableFuture.supplyAsync(() -> {
                String refusal;
                try {
                    scope.close();
                    refusal = "not refused";
                } catch (IllegalStateException e) {
                    refusal = e.getMessage();
                }
                return new String[] {refusal, Boolean.toString(NoGrad.isGradEnabled())};
            }).get();
            assertTrue(otherThread[0].contains("belongs to thread"), otherThread[0]);
            assertEquals("true", otherThread[1], "the other thread still records graphs");
            assertFalse(NoGrad.isGradEnabled(), "this thread is still inside its scope");
        } finally {
            scope.close();
        }
        assertTrue(NoGrad.isGradEnabled(), "the owner's close restores recording");
    }
}
